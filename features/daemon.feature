Feature: The daemon runs long operations as containers
  A real daemon process serves the CLI over a unix socket; containers survive a graceful stop, a
  kill -9 and each other.

  Background:
    Given a sandbox server running the "navigation" layout 200 times faster
    And the account token is configured
    And I ran "spacetraders player register --agent NOVA-1 --faction COSMIC"

  Scenario: Without a daemon, background work says how to start one
    When I run 'spacetraders container run Wait --payload {"seconds":1}'
    Then the command fails with exit code 1 and the error "start one with `spacetraders daemon start`"

  Scenario: Start, run, list, read the logs, stop
    Given I ran "spacetraders daemon start"
    When I run 'spacetraders container run Wait --payload {"seconds":1}'
    Then the command succeeds
    And the container finishes as "COMPLETED"
    And the output of "spacetraders container list" contains "COMPLETED"
    And the last container's logs contain "waited 1 of 1 s"
    And reading the last container's logs into a closed pipe ends quietly
    And the daemon log holds no line below the "warn" level
    When I run "spacetraders daemon stop"
    Then the command succeeds
    And "spacetraders daemon status" fails because no daemon runs

  Scenario: A command carrying a token is never stored in a container
    Given I ran "spacetraders daemon start"
    When I run 'spacetraders container run RegisterPlayer --payload {"agentSymbol":"X-1","agentToken":"secret-token-123"}'
    Then the command fails with exit code 2 and the error "a command carrying a token cannot run in the daemon"
    And the output does not contain "secret-token-123"

  Scenario: Two racing starts leave one daemon, and the loser names it
    When I run "spacetraders daemon start" twice at once
    Then one of them succeeds and the other fails naming the running daemon
    And exactly one daemon process serves the database

  Scenario: Two databases in one folder have two daemons that never mix containers
    Given I ran "spacetraders daemon start"
    Then "spacetraders --db <folder>/other.db daemon status" fails because no daemon runs
    Given I ran "spacetraders --db <folder>/other.db daemon start"
    When I run 'spacetraders --db <folder>/other.db container run Wait --payload {"seconds":1,"resources":["ship:NOVA-1-1"]}'
    Then the command succeeds
    When I run 'spacetraders container run Wait --payload {"seconds":1,"resources":["ship:NOVA-1-1"]}'
    Then the command succeeds
    And the databases "<folder>/spacetraders.db" and "<folder>/other.db" each list only their own container, run by their own daemon

  Scenario Outline: A stored command is checked like the same command from its verb, before it is stored
    Given I ran "spacetraders daemon start"
    When I run 'spacetraders container run Wait --payload <payload>'
    Then the command fails with exit code 2 and the error "<error>"
    And the error output is a single line
    And the output of "spacetraders container list" contains "no containers yet"

    Examples:
      | payload                   | error                                |
      | [1]                       | --payload must be a JSON object      |
      | null                      | --payload must be a JSON object      |
      | {"resources":"ship:X"}    | resources must be a list of keys     |
      | {"resources":[7]}         | resources: 7 is not a key            |
      | {"seconds":1e309}         | seconds must be a number from 0 to   |
      | {"seconds":"5"}           | seconds must be a number from 0 to   |

  Scenario: A second container for the same ship is refused, naming the holder
    Given I ran "spacetraders daemon start"
    And I ran 'spacetraders container run Wait --payload {"seconds":5,"resources":["ship:NOVA-1-1"]}'
    When I run 'spacetraders container run Wait --payload {"seconds":1,"resources":["ship:NOVA-1-1"]}'
    Then the command fails with exit code 1 and the error "ship:NOVA-1-1 is already claimed by container"

  Scenario: A graceful stop interrupts a container, and the next start resumes it
    Given I ran "spacetraders daemon start"
    And I ran 'spacetraders container run Wait --payload {"seconds":3}'
    When I run "spacetraders daemon stop"
    Then the output of "spacetraders container list --json" contains "INTERRUPTED"
    When I run "spacetraders daemon start"
    Then the container finishes as "COMPLETED"

  Scenario: Navigation in the background survives kill -9, without flying a leg twice
    Given the ship "NOVA-1-1" is in orbit at "X1-T1-A" with 50 of 400 fuel
    And I ran "spacetraders daemon start"
    When I run "spacetraders ship navigate NOVA-1-1 X1-T1-D --background"
    Then the command succeeds
    And the output contains "navigation running in the daemon as container"
    When the sandbox has applied 1 navigation for "NOVA-1-1"
    And the daemon is killed with SIGKILL
    And I run "spacetraders daemon start"
    Then the container finishes as "COMPLETED"
    And the sandbox has the ship "NOVA-1-1" in orbit at "X1-T1-D"
    And the sandbox applied 3 navigations for "NOVA-1-1"

  Scenario: A daemon killed while buying a ship buys it once, and the books balance after the restart
    Given the ship "NOVA-1-1" is docked at "X1-T1-A" with 400 of 400 fuel
    And I note the credits of "NOVA-1"
    And I ran "spacetraders daemon start"
    And the sandbox holds the next "POST /my/ships" for 2 seconds before applying it
    When I run 'spacetraders container run BuyShip --payload {"shipType":"SHIP_PROBE","at":"X1-T1-A"}'
    And the sandbox has received the held request
    And the daemon is killed with SIGKILL
    And the sandbox has applied 1 ship purchase for "NOVA-1"
    And I run "spacetraders daemon start"
    Then the container finishes as "COMPLETED"
    # The daemon books it before resuming any job, so a coordinator that buys nothing soon balances too.
    And the daemon log has a line "ship purchases settled"
    And the sandbox applied 1 ship purchase for "NOVA-1"
    And the ledger of "NOVA-1" has 1 rows
    And the ledger of "NOVA-1" explains the change in the agent's credits
    And "spacetraders ledger --json" shows "unexplained" as "0"

  Scenario Outline: A stop ends the daemon within seconds when the server <what>
    Given the ship "NOVA-1-1" is in orbit at "X1-T1-A" with 50 of 400 fuel
    And I ran "spacetraders daemon start"
    And I ran "spacetraders ship navigate NOVA-1-1 X1-T1-D --background"
    And the sandbox has applied 1 navigation for "NOVA-1-1"
    When <event>
    And the daemon has been retrying for 1 second
    Then "spacetraders daemon stop" ends the daemon process within 5 seconds
    And the output of "spacetraders container list --json" contains "INTERRUPTED"

    Examples:
      | what          | event                                                          |
      | is gone       | the sandbox is killed                                          |
      | never answers | the sandbox hangs: it takes every connection and never answers |

  Scenario: A stop ends the daemon within its bound even while a move it sent is never answered
    # A move or spend already sent is left to finish (its answer must be recorded); the bound cuts it off.
    Given the ship "NOVA-1-1" is in orbit at "X1-T1-A" with 50 of 400 fuel
    And I ran "spacetraders daemon start"
    And the sandbox holds the next "POST /my/ships/NOVA-1-1/navigate" for 30 seconds before applying it
    And I ran "spacetraders ship navigate NOVA-1-1 X1-T1-D --background"
    And the sandbox has received the held request
    # The bound is 10 s; the request would hold the process until its 15 s timeout.
    Then SIGTERM ends the daemon process within 13 seconds
    And the daemon log has a line "daemon still busy at the end of its stop: exiting"
    And the output of "spacetraders container list --json" contains "INTERRUPTED"
