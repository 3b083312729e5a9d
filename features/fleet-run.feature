Feature: A coordinator that keeps every ship at work and grows the fleet
  `spacetraders fleet run` gives every ship without a job its work as a child container (probes scout
  the home system, the command ship runs contracts, mines or trades by the numbers) and buys the ship
  type that pays itself back soonest when the credits above the reserve allow. Seeded sandbox world 7.

  Background:
    Given a sandbox server with seed 7 running 200 times faster
    And the account token is configured
    And I ran "spacetraders player register --agent NOVA-1 --faction COSMIC"
    And I ran "spacetraders daemon start"

  Scenario: From a fresh agent, the coordinator buys a ship and every ship gets a role and work
    When I run "spacetraders fleet run --every 2s --background"
    Then the command succeeds
    And within 150 seconds the fleet has at least 3 ships, each with a role, every ship at work or stationed to negotiate
    And the coordinator's logs contain "bought: SHIP_"
    And the coordinator's logs contain "NOVA-1-2 → scout: ScoutMarkets"

  Scenario: One cycle in the foreground: every decision with its reason; the jobs run in the daemon
    When I run "spacetraders fleet run --reserve 1000000"
    Then the command succeeds
    And the output has a line matching "^fleet: no job; no purchase: .*"
    And the output has a line matching "^NOVA-1-2 → scout: ScoutMarkets \(container [0-9a-f]{8}\); 1 probe\(s\) without a job keep the markets of the home system X1-AB97 fresh$"
    And the output has a line matching "^NOVA-1-1 → (contracts|mining|trading): (RunContracts|MineRun|TradeRun) \(container [0-9a-f]{8}\); .+$"
    And the output contains "1 cycle(s)"
    When I run "spacetraders fleet run --background"
    And I run "spacetraders fleet run --background"
    Then the command fails with exit code 1 and the error "fleet:NOVA-1 is already claimed by container"

  Scenario: The first cycle on a fresh agent buys a probe to negotiate contracts at headquarters
    When I run "spacetraders fleet run"
    Then the command succeeds
    And the output has a line matching "^NOVA-1-3 → contracts: no job; bought: SHIP_PROBE at X1-AB97-A1 for 20000 as the negotiator: stationed at headquarters, .+$"

  Scenario: While the command ship mines a contract's good, the mining drones mine it beside it and hand it over
    Seed 7 offers contracts for ores no market sells within the first game hour; the coordinator buys
    mining drones from its first credits and points them at the command ship's asteroid (FeedContract).
    When I run "spacetraders fleet run --every 1s --background"
    Then the command succeeds
    And within 150 seconds the coordinator's logs contain "→ mining: FeedContract"
    And within 60 seconds a ship of "NOVA-1" other than "NOVA-1-1" has transferred cargo in the sandbox

  Scenario: Left to run for two game hours, the coordinator grows a fresh agent's net worth
    Net worth is the agent's credits plus every ship bought at its purchase price (the starting ships
    count for nothing, so buying a ship neither gains nor loses net worth by itself) plus the cargo held
    at what it cost (a trade caught between buying and selling is not a loss).
    Given I noted the agent's net worth
    When I run "spacetraders fleet run --every 1s --background"
    Then the command succeeds
    When 2 game hours pass at 200 times
    Then at least 1 ship was bought and the net worth is higher than noted
