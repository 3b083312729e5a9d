Feature: Ship navigation
  A player flies ships with `spacetraders ship navigate`: the bot plans the fastest route over the
  ship's fuel, chooses a flight mode per leg, refuels only where fuel is sold, jumps through gates,
  warps where no gate leads, and resumes a trip that was interrupted. The sandbox runs a hand-written layout 200x faster:
    X1-T1: A (0,0) sells fuel, A2 moon of A, B (120,0) no fuel, C (240,0) fuel station,
           D (600,0) asteroid, G (0,50) gate to X1-T2
    X1-T2: G (0,0) gate to X1-T1 and X1-T4, A (30,40) sells fuel
    X1-T4: G (0,0) gate to X1-T2, A (20,0)
    X1-T3 (-900,0): A, no gate at all
    X1-T5 (-300,0): A sells fuel, no gate: only a warp drive reaches it

  Background:
    Given a sandbox server running the "navigation" layout 200 times faster
    And the account token is configured
    And I ran "spacetraders player register --agent NOVA-1 --faction COSMIC"

  Scenario: One leg, starting docked
    Given the ship "NOVA-1-1" is docked at "X1-T1-A" with 400 of 400 fuel
    When I run "spacetraders ship navigate NOVA-1-1 X1-T1-B"
    Then the command succeeds
    And the output contains "NOVA-1-1 arrived at X1-T1-B"
    And the sandbox has the ship "NOVA-1-1" in orbit at "X1-T1-B"
    And the sandbox applied 1 navigation for "NOVA-1-1"

  Scenario: A multi-leg trip with refuel stops
    Given the ship "NOVA-1-1" is in orbit at "X1-T1-A" with 50 of 400 fuel
    When I run "spacetraders route plan NOVA-1-1 X1-T1-D"
    Then the command succeeds
    And the output contains "refuel, X1-T1-A -> X1-T1-B  BURN"
    And the output contains "refuel, X1-T1-C -> X1-T1-D  CRUISE"
    When I run "spacetraders ship navigate NOVA-1-1 X1-T1-D"
    Then the command succeeds
    And the output contains "refuelled at X1-T1-C: +"
    And the output contains "fuel (now 400) for"
    And the sandbox has the ship "NOVA-1-1" in orbit at "X1-T1-D"
    And the sandbox applied 3 navigations for "NOVA-1-1"
    And "spacetraders route show NOVA-1-1 --json" shows "status" as "COMPLETED"

  Scenario: When fuel is dear next to the ship's time, the route saves fuel
    Given the ship "NOVA-1-1" is in orbit at "X1-T1-A" with 400 of 400 fuel
    When I run "spacetraders route plan NOVA-1-1 X1-T1-B"
    Then the output contains "X1-T1-A -> X1-T1-B  BURN"
    When I run "spacetraders route plan NOVA-1-1 X1-T1-B --credits-per-second 1"
    Then the command succeeds
    And the output contains "X1-T1-A -> X1-T1-B  CRUISE"
    And the output contains "120 fuel (worth about"
    When I run "spacetraders route plan NOVA-1-1 X1-T1-B --credits-per-second free"
    Then the command fails with exit code 2 and the error '--credits-per-second must be a positive number, got "free"'

  Scenario: Draw the system and the planned route
    Given the ship "NOVA-1-1" is in orbit at "X1-T1-A" with 50 of 400 fuel
    When I run "spacetraders system map X1-T1 --out <folder>/map.svg --route NOVA-1-1:X1-T1-D"
    Then the command succeeds
    And "map.svg" in my folder is an SVG map with 3 route legs
    When I run "spacetraders route plan NOVA-1-1 X1-T1-B --svg <folder>/route.svg"
    Then "route.svg" in my folder is an SVG map with 1 route legs

  Scenario: Already at the destination
    Given the ship "NOVA-1-1" is in orbit at "X1-T1-B" with 100 of 400 fuel
    When I run "spacetraders ship navigate NOVA-1-1 X1-T1-B"
    Then the command succeeds
    And the output contains "already at X1-T1-B"
    And the sandbox applied 0 navigations for "NOVA-1-1"

  Scenario: A moon shares its planet's coordinates
    Given the ship "NOVA-1-1" is in orbit at "X1-T1-A" with 10 of 400 fuel
    Then "spacetraders route plan NOVA-1-1 X1-T1-A2 --json" shows "legs.0.distance" as "0"

  Scenario: Not enough fuel to cruise, so the ship drifts
    Given the ship "NOVA-1-1" is in orbit at "X1-T1-B" with 5 of 400 fuel
    When I run "spacetraders ship navigate NOVA-1-1 X1-T1-A"
    Then the command succeeds
    And the output contains "at DRIFT"
    And the sandbox has the ship "NOVA-1-1" in orbit at "X1-T1-A"

  Scenario: A probe has no fuel tank and flies anyway
    Given the ship "NOVA-1-2" is in orbit at "X1-T1-A" with 0 of 0 fuel
    When I run "spacetraders ship navigate NOVA-1-2 X1-T1-D"
    Then the command succeeds
    And the sandbox has the ship "NOVA-1-2" in orbit at "X1-T1-D"

  Scenario: In transit at the start, the trip waits for arrival first
    Given the ship "NOVA-1-1" is in orbit at "X1-T1-A" with 400 of 400 fuel
    And I ran "spacetraders ship navigate NOVA-1-1 X1-T1-B --no-wait --mode DRIFT"
    When I run "spacetraders ship navigate NOVA-1-1 X1-T1-C"
    Then the command succeeds
    And the sandbox has the ship "NOVA-1-1" in orbit at "X1-T1-C"
    And the sandbox applied 2 navigations for "NOVA-1-1"

  Scenario: Through a jump gate to another system, its antimatter in the ledger
    Given the ship "NOVA-1-1" is in orbit at "X1-T1-A" with 400 of 400 fuel
    And I note the credits of "NOVA-1"
    When I run "spacetraders ship navigate NOVA-1-1 X1-T2-A"
    Then the command succeeds
    And the output contains "jumped X1-T1-G -> X1-T2-G"
    And the sandbox has the ship "NOVA-1-1" in orbit at "X1-T2-A"
    And the sandbox applied 1 jump for "NOVA-1-1"
    And the ledger of "NOVA-1" has 1 "ANTIMATTER" row for "NOVA-1-1"
    And the ledger of "NOVA-1" has 1 rows
    And the ledger of "NOVA-1" explains the change in the agent's credits
    And "spacetraders ledger --json" shows "unexplained" as "0"

  Scenario: A jump whose answer was lost still has its antimatter in the ledger, and the credits are stored
    Given the ship "NOVA-1-1" is in orbit at "X1-T1-A" with 400 of 400 fuel
    And I note the credits of "NOVA-1"
    And the sandbox loses its answer to the next "POST /my/ships/NOVA-1-1/jump" after applying it
    When I run "spacetraders ship navigate NOVA-1-1 X1-T2-A"
    Then the command succeeds
    And the sandbox has the ship "NOVA-1-1" in orbit at "X1-T2-A"
    And the sandbox applied 1 jump for "NOVA-1-1"
    And the ledger of "NOVA-1" has 1 "ANTIMATTER" row for "NOVA-1-1"
    And the ledger of "NOVA-1" has 1 rows
    And the ledger of "NOVA-1" explains the change in the agent's credits
    And "spacetraders ledger --json" shows "unexplained" as "0"
    And "spacetraders player info NOVA-1 --json" shows "credits" as the sandbox's credits of "NOVA-1"

  Scenario: Through two gates, waiting out the jump cooldown in between
    Given the ship "NOVA-1-1" is in orbit at "X1-T1-A" with 400 of 400 fuel
    # The first jump's cooldown (15 + 0.3 x 500 s) is waited out; the last one runs while the ship flies on.
    When I run "spacetraders route plan NOVA-1-1 X1-T4-A"
    Then the output has a line matching "X1-T1-G -> X1-T2-G +JUMP .* 2m45s$"
    And the output has a line matching "X1-T2-G -> X1-T4-G +JUMP .* 0s$"
    When I run "spacetraders ship navigate NOVA-1-1 X1-T4-A"
    Then the command succeeds
    And the output contains "jumped X1-T2-G -> X1-T4-G"
    And the sandbox has the ship "NOVA-1-1" in orbit at "X1-T4-A"
    And the sandbox applied 2 jumps for "NOVA-1-1"

  Scenario: Right after a jump, the next jump waits out the cooldown
    Given the ship "NOVA-1-1" is in orbit at "X1-T1-G" with 400 of 400 fuel
    And the sandbox runs in real time
    And I ran "spacetraders ship navigate NOVA-1-1 X1-T2-G"
    When I run "spacetraders route plan NOVA-1-1 X1-T4-G"
    Then the command succeeds
    And the output has a line matching "X1-T2-G -> X1-T4-G +JUMP .* 2m[34][0-9]s$"

  Scenario: Warping to a system no gate reaches
    Given the ship "NOVA-1-1" is in orbit at "X1-T1-A" with 400 of 400 fuel
    And the ship "NOVA-1-1" has a warp drive fitted
    When I run "spacetraders route plan NOVA-1-1 X1-T5-A"
    Then the command succeeds
    And the output contains "X1-T1-A -> X1-T5-A  WARP CRUISE  300.0  300   100"
    When I run "spacetraders ship navigate NOVA-1-1 X1-T5-A"
    Then the command succeeds
    And the output contains "X1-T1-A -> X1-T5-A warping CRUISE"
    And the sandbox has the ship "NOVA-1-1" in orbit at "X1-T5-A"
    And the sandbox applied 1 warp for "NOVA-1-1"

  Scenario: A second plan between systems asks the server only for the ship
    # The first reads the ship, both systems' waypoints and markets, and each system's position and gate.
    Given the ship "NOVA-1-1" is in orbit at "X1-T1-A" with 400 of 400 fuel
    When I run "spacetraders route plan NOVA-1-1 X1-T4-A" counting the requests the sandbox answers
    Then the command succeeds
    And the sandbox answered 13 requests for it
    When I run "spacetraders route plan NOVA-1-1 X1-T4-A" counting the requests the sandbox answers
    Then the command succeeds
    And the sandbox answered 1 request for it

  Scenario: An unreachable destination is explained
    When I run "spacetraders ship navigate NOVA-1-2 X1-T3-A"
    Then the command fails with exit code 1 and the error "no route for NOVA-1-2 from X1-T1-A to X1-T3-A: no chain of working jump gates (and fuel) leads to X1-T3, and NOVA-1-2 has no warp drive"
    And the sandbox applied 0 navigations for "NOVA-1-2"

  Scenario: Stranded with an empty tank away from fuel
    Given the ship "NOVA-1-1" is in orbit at "X1-T1-B" with 0 of 400 fuel
    When I run "spacetraders ship navigate NOVA-1-1 X1-T1-A"
    Then the command fails with exit code 1 and the error "the tank is empty and X1-T1-B sells no fuel (DRIFT needs 1)"

  Scenario: An unknown ship
    When I run "spacetraders ship navigate NOPE-9 X1-T1-B"
    Then the command fails with exit code 1 and the error "Ship NOPE-9 not found"

  Scenario: A malformed destination
    When I run "spacetraders ship navigate NOVA-1-1 nowhere"
    Then the command fails with exit code 2 and the error 'invalid waypoint symbol "nowhere"'

  Scenario: Resume after an interruption, without flying any leg twice
    Given the ship "NOVA-1-1" is in orbit at "X1-T1-A" with 50 of 400 fuel
    When I start "spacetraders ship navigate NOVA-1-1 X1-T1-D" and kill it once the output shows "arrived at X1-T1-C"
    And I run "spacetraders ship navigate NOVA-1-1 X1-T1-D"
    Then the command succeeds
    And the sandbox has the ship "NOVA-1-1" in orbit at "X1-T1-D"
    And the sandbox applied 3 navigations for "NOVA-1-1"

  Scenario: "Already there" rests on a fresh read of the ship, never on the cache
    Given the ship "NOVA-1-1" is in orbit at "X1-T1-A" with 400 of 400 fuel
    And I ran "spacetraders ship info NOVA-1-1"
    # Moved behind the bot's back: its cache still has the ship at X1-T1-A.
    And the ship "NOVA-1-1" is in orbit at "X1-T1-B" with 400 of 400 fuel
    When I run "spacetraders ship navigate NOVA-1-1 X1-T1-A"
    Then the command succeeds
    And the output contains "NOVA-1-1 arrived at X1-T1-A"
    And the sandbox has the ship "NOVA-1-1" in orbit at "X1-T1-A"
    And the sandbox applied 1 navigation for "NOVA-1-1"

  Scenario: Dock and orbit skip their call only when a fresh read says so
    Given the ship "NOVA-1-1" is docked at "X1-T1-A" with 400 of 400 fuel
    And I ran "spacetraders ship info NOVA-1-1"
    And the ship "NOVA-1-1" is in orbit at "X1-T1-A" with 400 of 400 fuel
    When I run "spacetraders ship dock NOVA-1-1"
    Then the output contains "NOVA-1-1 is DOCKED at X1-T1-A"
    And the sandbox has the ship "NOVA-1-1" docked at "X1-T1-A"
    Given the ship "NOVA-1-1" is in orbit at "X1-T1-A" with 400 of 400 fuel
    When I run "spacetraders ship orbit NOVA-1-1"
    Then the output contains "NOVA-1-1 is IN_ORBIT at X1-T1-A"
    And the sandbox has the ship "NOVA-1-1" in orbit at "X1-T1-A"

  Scenario: A departure whose answer is lost, while the ship cannot be read back, is reported as unknown
    Given the ship "NOVA-1-1" is in orbit at "X1-T1-A" with 400 of 400 fuel
    And the sandbox loses its answer to the next "POST /my/ships/NOVA-1-1/navigate" after applying it
    And the sandbox answers "GET /my/ships/NOVA-1-1" 1 time, then HTTP 503 the next 50 times
    When I run "spacetraders ship navigate NOVA-1-1 X1-T1-B"
    Then the command fails with exit code 1 and the error "NOVA-1-1 may have departed for X1-T1-B; run `spacetraders ship info NOVA-1-1`"
    And the error output is a single line
    And the output does not contain "error 503"
    And the sandbox applied 1 navigation for "NOVA-1-1"
    And the events recorded include "RoutePlanned" but no "ShipDeparted"

  Scenario: A full refuel whose answer is lost takes its price from the market's own record, never a guess
    Given the ship "NOVA-1-1" is docked at "X1-T1-A" with 100 of 400 fuel
    And the sandbox loses its answer to the next "POST /my/ships/NOVA-1-1/refuel" after applying it
    When I run "spacetraders ship refuel NOVA-1-1"
    Then the command succeeds
    And the output contains "+300 fuel (400/400) for 300 credits"
    And "spacetraders events --json" shows "0.payload.creditsSpent" as "300"
    And the sandbox applied 1 refuel for "NOVA-1-1"

  Scenario: A partial refuel whose answer is lost is reported as unknown and never sent twice
    Given the ship "NOVA-1-1" is docked at "X1-T1-A" with 100 of 400 fuel
    And the sandbox loses its answer to the next "POST /my/ships/NOVA-1-1/refuel" after applying it
    When I run "spacetraders ship refuel NOVA-1-1 --units 50"
    Then the command fails with exit code 1 and the error "NOVA-1-1 may have bought fuel at X1-T1-A; run `spacetraders ship info NOVA-1-1`"
    And the error output is a single line
    And the sandbox applied 1 refuel for "NOVA-1-1"
