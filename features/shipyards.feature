Feature: Shipyards
  A player reads what a shipyard sells with `spacetraders shipyard list` (prices only with one of the
  player's ships there, as the real server does; otherwise the last stored observation) and buys a ship
  with `spacetraders shipyard buy`. The sandbox runs a hand-written layout:
    X1-Y1: A sells probes and light haulers; B sells probes and mining drones; C has no shipyard

  Background:
    Given a sandbox server running the "shipyards" layout 200 times faster
    And the account token is configured
    And I ran "spacetraders player register --agent NOVA-1 --faction COSMIC"
    And the ship "NOVA-1-1" is docked at "X1-Y1-A" with 400 of 400 fuel

  Scenario: A shipyard live with a ship there, then from storage with its age
    When I run "spacetraders shipyard list X1-Y1-A"
    Then the command succeeds
    And the output contains "X1-Y1-A: live prices (a ship of yours is there)"
    And the output has a line matching "^SHIP_PROBE +\d{1,3}(,\d{3})+ +[A-Z]+ +\d+ +0 +\d+ +-$"
    And "spacetraders shipyard list X1-Y1-A --json" shows "ships.0.type" as "SHIP_PROBE"
    And "spacetraders shipyard list X1-Y1-A --json" shows "ships.1.type" as "SHIP_LIGHT_HAULER"
    Given the ship "NOVA-1-1" is docked at "X1-Y1-C" with 400 of 400 fuel
    And the ship "NOVA-1-2" is docked at "X1-Y1-C" with 0 of 0 fuel
    When I run "spacetraders shipyard list X1-Y1-A"
    Then the command succeeds
    And the output has a line matching "^X1-Y1-A: stored observation, \d+s old \(no ship of yours is there\)$"
    And the output has a line matching "^SHIP_PROBE +\d{1,3}(,\d{3})+ "
    And "spacetraders shipyard list X1-Y1-A --json" shows "live" as "false"

  Scenario: A shipyard no ship has visited shows only the types it sells
    When I run "spacetraders shipyard list X1-Y1-B"
    Then the command succeeds
    And the output contains "X1-Y1-B: no prices known; a ship of yours must be at the shipyard to see them"
    And the output contains "sells: SHIP_PROBE, SHIP_MINING_DRONE"
    And "spacetraders shipyard list X1-Y1-B --json" shows "ships.0.purchasePrice" as "null"
    And "spacetraders shipyard list X1-Y1-B --json" shows "ships.1.type" as "SHIP_MINING_DRONE"

  Scenario: Buy a probe at a shipyard where a ship of yours is, see it in the fleet and in the books
    Given I ran "spacetraders shipyard list X1-Y1-A"
    When I run "spacetraders shipyard buy SHIP_PROBE --json"
    Then the command succeeds
    And the output contains "\"symbol\": \"NOVA-1-3\""
    And the output of "spacetraders ship list" contains "NOVA-1-3"
    And "spacetraders ledger --json" shows "entries.0.kind" as "SHIP"
    And "spacetraders ledger --json" shows "entries.0.good" as "SHIP_PROBE"
    And "spacetraders ledger --json" shows "entries.0.ship" as "NOVA-1-3"
    And "spacetraders ledger --json" shows "unexplained" as "0"
    And the events recorded include "ShipPurchased" but no "CargoPurchased"

  Scenario: Buying where no ship of yours is names the cheapest shipyard
    Given I ran "spacetraders shipyard list X1-Y1-A"
    And the ship "NOVA-1-1" is docked at "X1-Y1-C" with 400 of 400 fuel
    And the ship "NOVA-1-2" is docked at "X1-Y1-C" with 0 of 0 fuel
    When I run "spacetraders shipyard buy SHIP_PROBE"
    Then the command fails with exit code 1 and the error "error: the cheapest known shipyard selling SHIP_PROBE is X1-Y1-A (20,000 credits, seen "
    And the command fails with exit code 1 and the error "s ago): a ship of yours must be there to buy"
