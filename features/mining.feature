Feature: Mining: surveys, extraction and the mining loop
  A player surveys an asteroid with `spacetraders ship survey`, extracts with `spacetraders ship extract`
  (with a stored survey, or the best one), and runs the whole loop with `spacetraders mine run`: extract
  until the hold is full, sell, repeat. Surveys are stored and shared by every ship; a survey that has
  expired or that the server refused is never sent again. The sandbox runs the "mining" layout:
    X1-MN: A buys the common ores and sells fuel; B is an asteroid field with common metal deposits;
    C buys iron ore far away; D has no market

  Background:
    Given a sandbox server running the "mining" layout 200 times faster
    And the account token is configured
    And I ran "spacetraders player register --agent NOVA-1 --faction COSMIC"
    And the ship "NOVA-1-1" is in orbit at "X1-MN-B" with 400 of 400 fuel

  Scenario: Survey, then extract with the survey
    When I run "spacetraders ship survey NOVA-1-1 --json"
    Then the command succeeds
    And the output lists at least one survey of "X1-MN-B" and I note the first
    When I run "spacetraders ship extract NOVA-1-1 --survey <noted survey> --json" with the noted survey
    Then the extraction used the noted survey and yielded one of its deposits
    And the sandbox applied 1 extraction for "NOVA-1-1"
    When I run "spacetraders ship extract NOVA-1-1 --survey best --json"
    Then the command succeeds
    And the JSON output has "waypoint" as "X1-MN-B"

  Scenario: Mining where it cannot be done is refused in one line, before anything is sent
    Given the ship "NOVA-1-2" is in orbit at "X1-MN-B" with 0 of 0 fuel
    When I run "spacetraders ship extract NOVA-1-2"
    Then the command fails with exit code 1 and the error "NOVA-1-2 has no mining laser"
    Given the ship "NOVA-1-1" is docked at "X1-MN-A" with 400 of 400 fuel
    When I run "spacetraders ship extract NOVA-1-1"
    Then the command fails with exit code 1 and the error "NOVA-1-1 is at X1-MN-A (PLANET), not at an asteroid"
    When I run "spacetraders ship survey NOVA-1-1"
    Then the command fails with exit code 1 and the error "not at an asteroid: cannot survey there"
    Given the ship "NOVA-1-1" is in orbit at "X1-MN-B" with 400 of 400 fuel
    And the ship "NOVA-1-1" has a hold of 0 units
    When I run "spacetraders ship extract NOVA-1-1"
    Then the command fails with exit code 1 and the error "NOVA-1-1's hold is full (0/0)"
    And the sandbox applied 0 extractions for "NOVA-1-1"

  Scenario: An expired survey is never used
    When I run "spacetraders ship survey NOVA-1-1 --json"
    Then the output lists at least one survey of "X1-MN-B" and I note the first
    Given the sandbox clock moves 3 hours ahead
    When I run "spacetraders ship extract NOVA-1-1 --survey <noted survey>" with the noted survey
    Then the command fails with exit code 1 and the error "is expired"
    When I run "spacetraders ship extract NOVA-1-1 --survey <noted survey>" with the noted survey, counting the requests the sandbox answers
    Then the command fails with exit code 1 and the error "not used again"
    And the sandbox answered 0 requests for it
    When I run "spacetraders ship extract NOVA-1-1 --survey best --json"
    Then the command succeeds
    And the JSON output has "survey" as "null"
    And the sandbox applied 1 extraction for "NOVA-1-1"

  Scenario: One trip of the mining loop fills the hold, sells it, and the ledger shows the sales
    Given the ship "NOVA-1-1" is docked at "X1-MN-A" with 400 of 400 fuel
    When I run "spacetraders mine run --ship NOVA-1-1 --survey --max-trips 1 --json"
    Then the command succeeds
    And the JSON output has "asteroid" as "X1-MN-B"
    And the JSON output has "trips" as "1"
    And the mining run extracted a full hold of 40 units and sold what it did not jettison
    And the ledger's SALE rows for "NOVA-1-1" add up to the run's credits
    And the events recorded include "ShipSurveyed" but no "SurveyRefused"

  Scenario: A mining run killed mid-hold resumes from the ship's hold after a restart
    Given I ran "spacetraders daemon start"
    When I run "spacetraders mine run --ship NOVA-1-1 --max-trips 1 --sell nearest --background"
    And the sandbox has applied 3 extractions for "NOVA-1-1"
    And the daemon is killed with SIGKILL
    And I run "spacetraders daemon start"
    Then the container finishes as "COMPLETED"
    And the last container's logs contain "trip 1 done"
    And the ledger of "NOVA-1" has SALE rows for "NOVA-1-1"

  Scenario: A miner hands its full hold to a hauler at the asteroid; the hauler sells it and the sales are the hauler's
    Given the ship "NOVA-1-2" is in orbit at "X1-MN-B" with 0 of 0 fuel
    And the ship "NOVA-1-2" has a hold of 60 units
    And I ran "spacetraders daemon start"
    When I run "spacetraders mine haul --ship NOVA-1-2 --at X1-MN-B --idle 3 --max-trips 1 --background"
    Then the command succeeds
    When I run "spacetraders mine run --ship NOVA-1-1 --at X1-MN-B --hauler NOVA-1-2 --max-trips 1 --background"
    Then the command succeeds
    And every container finishes as "COMPLETED"
    And the sandbox applied at least 1 transfer from "NOVA-1-1"
    And the ledger's SALE rows for "NOVA-1-2" sell every unit the sandbox moved from "NOVA-1-1", and the miner sold nothing
    And the sandbox has "NOVA-1-2" with an empty hold

  Scenario: A transfer whose answer is lost is settled by reading the miner's hold back, never sent twice
    Given the ship "NOVA-1-2" is in orbit at "X1-MN-B" with 0 of 0 fuel
    And the ship "NOVA-1-2" has a hold of 60 units
    And the sandbox loses its answer to the next "POST /my/ships/NOVA-1-1/transfer" after applying it
    And I ran "spacetraders daemon start"
    When I run "spacetraders mine haul --ship NOVA-1-2 --at X1-MN-B --idle 3 --max-trips 1 --background"
    And I run "spacetraders mine run --ship NOVA-1-1 --at X1-MN-B --hauler NOVA-1-2 --max-trips 1 --background"
    Then every container finishes as "COMPLETED"
    And the last container's logs contain "transfer answer lost"
    And the sandbox applied one transfer from "NOVA-1-1" more than the events record: the one whose answer was lost
    And the ledger's SALE rows for "NOVA-1-2" sell every unit the sandbox moved from "NOVA-1-1", and the miner sold nothing
    And the sandbox has "NOVA-1-2" with an empty hold

  Scenario: A hauler killed with -9 on its way to market finishes the trip after a restart
    Given the ship "NOVA-1-2" is in orbit at "X1-MN-B" with 0 of 0 fuel
    And the ship "NOVA-1-2" has a hold of 60 units
    And I ran "spacetraders daemon start"
    When I run "spacetraders mine run --ship NOVA-1-1 --at X1-MN-B --hauler NOVA-1-2 --max-trips 1 --background"
    And I run "spacetraders mine haul --ship NOVA-1-2 --at X1-MN-B --idle 3 --max-trips 1 --background"
    And the sandbox has applied 1 navigation for "NOVA-1-2"
    And the daemon is killed with SIGKILL
    And I run "spacetraders daemon start"
    Then every container finishes as "COMPLETED"
    And the last container's logs contain "resuming after a daemon crash"
    And the ledger's SALE rows for "NOVA-1-2" sell every unit the sandbox moved from "NOVA-1-1", and the miner sold nothing
    And the sandbox has "NOVA-1-2" with an empty hold
