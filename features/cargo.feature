Feature: Jettison and transfer cargo
  A player dumps cargo with `spacetraders ship jettison` and moves it between two of their ships with
  `spacetraders ship transfer`. Both read the ships fresh and check the hold before they send anything;
  a request whose answer is lost is reported, never sent again. The sandbox runs the "markets" layout:
    X1-M1: A exports IRON, imports IRON_ORE, sells fuel; B imports IRON; C exports COPPER; D no market

  Background:
    Given a sandbox server running the "markets" layout 200 times faster
    And the account token is configured
    And I ran "spacetraders player register --agent NOVA-1 --faction COSMIC"
    And the ship "NOVA-1-1" is docked at "X1-M1-A" with 400 of 400 fuel
    And I ran "spacetraders ship buy NOVA-1-1 IRON 30"

  Scenario: Jettisoning part of a good leaves the rest in the hold
    When I run "spacetraders ship jettison NOVA-1-1 IRON 10 --json"
    Then the command succeeds
    And the JSON output has "units" as "10"
    And the JSON output has "cargo.inventory" as "[{\"symbol\":\"IRON\",\"units\":20}]"
    And "spacetraders ship cargo NOVA-1-1 --json" shows "inventory" as "[{\"symbol\":\"IRON\",\"units\":20}]"
    When I run "spacetraders ship jettison NOVA-1-1 IRON 20"
    Then the command succeeds
    And the output contains "NOVA-1-1 jettisoned 20 IRON; hold: 0/40"

  Scenario: A jettison the hold cannot cover is refused before anything is sent
    When I run "spacetraders ship jettison NOVA-1-1 IRON 31"
    Then the command fails with exit code 1 and the error "NOVA-1-1 carries only 30 IRON, asked to jettison 31"
    When I run "spacetraders ship jettison NOVA-1-1 COPPER 1"
    Then the command fails with exit code 1 and the error "NOVA-1-1 carries no COPPER, asked to jettison 1"
    When I run "spacetraders ship jettison NOVA-1-1 IRON 0"
    Then the command fails with exit code 2 and the error "units must be a whole number of at least 1, got 0"
    And "spacetraders ship cargo NOVA-1-1 --json" shows "inventory" as "[{\"symbol\":\"IRON\",\"units\":30}]"

  Scenario: A jettison whose answer is lost is settled by reading the hold back, never sent again
    Given the sandbox loses its answer to the next "POST /my/ships/NOVA-1-1/jettison" after applying it
    When I run "spacetraders ship jettison NOVA-1-1 IRON 10"
    Then the command succeeds
    And "spacetraders ship cargo NOVA-1-1 --json" shows "inventory" as "[{\"symbol\":\"IRON\",\"units\":20}]"

  Scenario: Transferring cargo between two ships at the same waypoint
    Given the ship "NOVA-1-2" is in orbit at "X1-M1-A" with 0 of 0 fuel
    And the ship "NOVA-1-2" has a hold of 15 units
    When I run "spacetraders ship transfer NOVA-1-1 NOVA-1-2 IRON 10 --json"
    Then the command succeeds
    And the JSON output has "cargo.inventory" as "[{\"symbol\":\"IRON\",\"units\":20}]"
    And the JSON output has "targetCargo.inventory" as "[{\"symbol\":\"IRON\",\"units\":10}]"
    And the sandbox applied 1 transfer from "NOVA-1-1"
    And "spacetraders ship cargo NOVA-1-2 --json" shows "inventory" as "[{\"symbol\":\"IRON\",\"units\":10}]"
    When I run "spacetraders ship transfer NOVA-1-1 NOVA-1-2 IRON 6"
    Then the command fails with exit code 1 and the error "NOVA-1-2 has room for 5 units, asked to take 6"
    When I run "spacetraders ship transfer NOVA-1-2 NOVA-1-1 IRON 11"
    Then the command fails with exit code 1 and the error "NOVA-1-2 carries only 10 IRON, asked to transfer 11"
    When I run "spacetraders ship transfer NOVA-1-1 NOVA-1-1 IRON 1"
    Then the command fails with exit code 2 and the error "a ship cannot transfer cargo to itself"
    Given the ship "NOVA-1-2" is docked at "X1-M1-B" with 0 of 0 fuel
    When I run "spacetraders ship transfer NOVA-1-1 NOVA-1-2 IRON 1"
    Then the command fails with exit code 1 and the error "NOVA-1-2 is at X1-M1-B, not at X1-M1-A where NOVA-1-1 is"
    And the sandbox applied 1 transfer from "NOVA-1-1"
