Feature: Players
  A player registers new agents or imports existing ones, picks a default, and annotates them.
  Every command runs the real CLI against the offline sandbox with a fresh SQLite file.

  Background:
    Given a sandbox server
    And the account token is configured

  Scenario: Register a new agent
    When I run "spacetraders player register --agent NOVA-1 --faction COSMIC"
    Then the command succeeds
    And the output contains "registered NOVA-1 (COSMIC)"
    And the output contains "175,000 credits"
    And "spacetraders player list --json" lists the players "NOVA-1"

  Scenario: Import an existing agent with its token
    Given the agent "OLD-7" was registered on the server outside this bot
    When I run "spacetraders player register --agent OLD-7 --token <token of OLD-7>"
    Then the command succeeds
    And the output contains "imported OLD-7"
    And the output does not contain "<token of OLD-7>"

  Scenario: An agent token read from standard input
    Given the agent "OLD-8" was registered on the server outside this bot
    When I run "spacetraders player register --agent OLD-8 --token -" with "<token of OLD-8>" on standard input
    Then the command succeeds
    And the output contains "imported OLD-8"

  Scenario: A token that belongs to another agent is refused
    Given the agent "OLD-7" was registered on the server outside this bot
    When I run "spacetraders player register --agent OTHER-1 --token <token of OLD-7>"
    Then the command fails with exit code 1 and the error "that token belongs to agent OLD-7, not OTHER-1"
    And "spacetraders player list --json" lists no players

  Scenario: A duplicate agent is rejected and nothing changes
    Given I ran "spacetraders player register --agent NOVA-1 --faction COSMIC"
    When I run "spacetraders player register --agent NOVA-1 --faction VOID"
    Then the command fails with exit code 1 and the error "agent NOVA-1 is already registered here"
    And "spacetraders player info NOVA-1 --json" shows "faction" as "COSMIC"

  Scenario: The server refuses a symbol that is already taken
    Given the agent "TAKEN-1" was registered on the server outside this bot
    When I run "spacetraders player register --agent TAKEN-1 --faction COSMIC"
    Then the command fails with exit code 1 and the error "4111"
    And "spacetraders player list --json" lists no players

  Scenario Outline: Bad input gets one clear line and exit code 2
    When I run "<command>"
    Then the command fails with exit code 2 and the error '<error>'
    And the error output is a single line
    And "spacetraders player list --json" lists no players

    Examples:
      | command                                                        | error                           |
      | spacetraders player register --agent NO --faction COSMIC        | invalid agent symbol "NO"       |
      | spacetraders player register --agent WAY-TOO-LONG-NAME --faction COSMIC | invalid agent symbol    |
      | spacetraders player register --agent BAD!SYM --faction COSMIC   | invalid agent symbol            |
      | spacetraders player register --agent NOVA-2 --faction PIRATES   | unknown faction "PIRATES"       |
      | spacetraders player register --agent NOVA-2                     | a new agent needs --faction     |
      | spacetraders player info GHOST-1 --log-level loud               | unknown log level "loud"        |
      | spacetraders player frobnicate                                  | unknown command                 |

  Scenario: Registering without an account token explains how to give one
    Given no account token is configured
    When I run "spacetraders player register --agent NOVA-3 --faction COSMIC"
    Then the command fails with exit code 2 and the error "needs the account token: set SPACETRADERS_ACCOUNT_TOKEN"

  Scenario: Show one player as text and as JSON
    Given I ran "spacetraders player register --agent NOVA-1 --faction COSMIC"
    When I run "spacetraders player info NOVA-1"
    Then the command succeeds
    And the output contains "agent:         NOVA-1 (default)"
    And the output contains "credits:       175,000"
    And "spacetraders player info --json" shows "agentSymbol" as "NOVA-1"
    And "spacetraders player info NOVA-1 --json" does not show a token

  Scenario: An unknown player
    When I run "spacetraders player info GHOST-1"
    Then the command fails with exit code 1 and the error "unknown player GHOST-1"

  Scenario: Update a player's metadata
    Given I ran "spacetraders player register --agent NOVA-1 --faction COSMIC"
    When I run 'spacetraders player update NOVA-1 --metadata {"role":"trader","notes":"first"}'
    Then the command succeeds
    And "spacetraders player info NOVA-1 --json" shows "metadata.role" as "trader"
    When I run 'spacetraders player update NOVA-1 --metadata {"notes":null}'
    Then "spacetraders player info NOVA-1 --json" shows "metadata" as '{"role":"trader"}'
    When I run "spacetraders player update NOVA-1 --metadata not-json"
    Then the command fails with exit code 2 and the error "--metadata is not valid JSON"

  Scenario: Choose the default player
    Given I ran "spacetraders player register --agent NOVA-1 --faction COSMIC"
    And I ran "spacetraders player register --agent NOVA-2 --faction VOID"
    When I run "spacetraders player use NOVA-2"
    Then the command succeeds
    And "spacetraders player info --json" shows "agentSymbol" as "NOVA-2"
    And the output of "spacetraders player list" contains "*  NOVA-2"

  Scenario: Recorded events
    Given I ran "spacetraders player register --agent NOVA-1 --faction COSMIC"
    And I ran 'spacetraders player update NOVA-1 --metadata {"role":"miner"}'
    When I run "spacetraders events --limit 5"
    Then the command succeeds
    And the output contains "PlayerRegistered"
    And the output contains "PlayerMetadataUpdated"

  Scenario: The configuration never shows the account token
    When I run "spacetraders config show"
    Then the command succeeds
    And the output contains "<set, hidden>"
    And the output does not contain the account token

  Scenario: Concurrent metadata updates of one player all survive
    Given I ran "spacetraders player register --agent NOVA-1 --faction COSMIC"
    When I run 8 metadata updates of "NOVA-1" in parallel, each with its own key
    Then every one of them succeeds
    And the metadata of "NOVA-1" has exactly the keys "k1,k2,k3,k4,k5,k6,k7,k8"

  Scenario: Metadata nested too deeply is refused with one line, not a stack overflow
    Given I ran "spacetraders player register --agent NOVA-1 --faction COSMIC"
    When I run "spacetraders player update NOVA-1" with metadata nested 2000 levels deep
    Then the command fails with exit code 2 and the error "--metadata is nested too deeply: at most 16 levels"
    And the error output is a single line
    And "spacetraders player info NOVA-1 --json" shows "metadata" as "{}"

  Scenario Outline: A database path that cannot be used gets its own one-line message
    Given a file "notes.txt" in the scenario folder
    When I run "spacetraders --db <path> player list"
    Then the command fails with exit code 2 and the error "<error>"
    And the error output is a single line

    Examples:
      | path                      | error                             |
      | <folder>                  | is a directory; give --db a file  |
      | <folder>/notes.txt        | is not a SQLite database          |
      | <folder>/notes.txt/bot.db | a parent of it is not a directory |

  Scenario: A file the player names that cannot be written gets one clear line; a written one is announced
    Given I ran "spacetraders player register --agent NOVA-1 --faction COSMIC"
    And a file "notes.txt" in the scenario folder
    And the home system of "NOVA-1" is known
    When I run "spacetraders system map <home> --out <folder>/notes.txt/map.svg" there
    Then the command fails with exit code 2 and the error "cannot write --out"
    And the error output is a single line
    When I run "spacetraders system map <home> --out <folder>" there
    Then the command fails with exit code 2 and the error "it is a directory"
    When I run "spacetraders route plan NOVA-1-1 <elsewhere> --svg <folder>/notes.txt/route.svg" there
    Then the command fails with exit code 2 and the error "cannot write --svg"
    When I run "spacetraders route plan NOVA-1-1 <elsewhere> --svg <folder>/route.svg" there
    Then the command succeeds
    And the output contains "wrote <folder>/route.svg"
