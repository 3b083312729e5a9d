#!/usr/bin/env node
// Thin launcher for the bundled CLI (npm install builds dist/ through the "prepare" script).
import { main } from '../dist/bundle/main.js';

await main();
