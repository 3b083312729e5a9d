Feature: Scouting markets with probes
  `spacetraders scout plan` splits every marketplace and shipyard of a system between some probes
  (tours planned, not greedy: exact for small systems, the longest tour as short as possible);
  `spacetraders scout markets` flies them, reading and storing each market and shipyard, round after
  round so no observation gets older than --max-age. The sandbox runs a hand-written layout:
    X1-S1: A market and shipyard (HQ); B and its moon G, C, E markets; D a shipyard only; F neither

  Background:
    Given a sandbox server running the "scouting" layout 200 times faster
    And the account token is configured
    And I ran "spacetraders player register --agent NOVA-1 --faction COSMIC"
    And I ran "spacetraders shipyard list X1-S1-A"
    And I ran "spacetraders shipyard buy SHIP_PROBE"

  Scenario: Two probes leave every market of the system observed
    When I run "spacetraders scout markets X1-S1 --ships NOVA-1-2,NOVA-1-3"
    Then the command succeeds
    And the output has a line matching "^round 1: 2 ship\(s\), 6 stop\(s\), about \d+m\d\ds$"
    And the output has a line matching "^  NOVA-1-[23] at X1-S1-A: market 1 goods, shipyard 1 ship types$"
    And the output has a line matching "^  NOVA-1-[23] at X1-S1-D: shipyard 2 ship types$"
    And the output contains "scouted X1-S1: 1 round(s), 6 visit(s)"
    And every marketplace of "X1-S1" has a stored observation
    And "spacetraders shipyard list X1-S1-D --json" shows "ships.1.type" as "SHIP_MINING_DRONE"

  Scenario: The plan as JSON: every marketplace and shipyard once, split between the probes
    When I run "spacetraders scout plan X1-S1 --ships NOVA-1-2,NOVA-1-3 --json"
    Then the command succeeds
    And the scout plan visits exactly the marketplaces and shipyards of "X1-S1", once each
    When I run "spacetraders scout plan X1-S1 --ships NOVA-1-2,NOVA-1-3"
    Then the output has a line matching "^NOVA-1-2  X1-S1-[A-G]( -> X1-S1-[A-G])*  \d+m\d\ds$"
    And the output has a line matching "^makespan: \d+m\d\ds$"

  Scenario: Ships that cannot scout the system are refused in one line
    When I run "spacetraders scout plan X1-S1 --ships NOVA-1-1"
    Then the command fails with exit code 1 and the error "error: NOVA-1-1 has a fuel tank (400): scouting flies only ships that need no fuel (probes, solar ships)"
    When I run "spacetraders scout markets X1-S1 --ships NOVA-1-2,NOVA-1-9"
    Then the command fails with exit code 1 and the error "NOVA-1-9 not found"
    When I run "spacetraders scout plan X1 --ships NOVA-1-2"
    Then the command fails with exit code 2 and the error "error: invalid system symbol \"X1\""
    When I run "spacetraders scout markets X1-S1 --ships NOVA-1-2 --max-age soon"
    Then the command fails with exit code 2 and the error "--max-age must be a positive duration"

  Scenario: In the daemon, scouting goes on round after round, survives a restart and stops when told
    Given I ran "spacetraders daemon start"
    When I run "spacetraders scout markets X1-S1 --ships NOVA-1-2,NOVA-1-3 --max-age 10s --background"
    Then the command succeeds
    And the last container's logs come to contain "\"round\":2"
    And the last container's logs contain "more than the maximum age of 10 s"
    When I run "spacetraders ship navigate NOVA-1-2 X1-S1-F --background"
    Then the command fails with exit code 1 and the error "ship:NOVA-1-2 is already claimed by container"
    Given I ran "spacetraders daemon stop"
    And I ran "spacetraders daemon start"
    Then the last container's logs come to contain "WaypointScouted" after "resuming after a daemon stop"
    When I stop the last container
    Then the container finishes as "STOPPED"
    And I ran "spacetraders ship navigate NOVA-1-2 X1-S1-F --background"
