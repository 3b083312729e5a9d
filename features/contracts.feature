Feature: Contracts
  A player lists, accepts, delivers and fulfils contracts by hand with `spacetraders contract …`, or lets
  `spacetraders contract run` do it all. Every payment lands in the ledger as a CONTRACT row. Steps read
  the contract the sandbox made (its good, destination and units) rather than assuming one. The sandbox
  runs the "markets" layout:
    X1-M1: A exports IRON, imports IRON_ORE, sells fuel; B imports IRON; C exports COPPER; D no market

  Background:
    Given a sandbox server running the "markets" layout 200 times faster
    And the account token is configured
    And I ran "spacetraders player register --agent NOVA-1 --faction COSMIC"
    And the open contract of "NOVA-1" is noted

  Scenario: List, accept, deliver and fulfil by hand; the ledger shows both payments
    When I run "spacetraders contract list --json"
    Then the JSON contract list shows the noted contract, not yet accepted
    When I run "spacetraders contract show <contract>"
    Then the command succeeds
    And the output contains "status:    OFFERED"
    When I run "spacetraders contract accept <contract>"
    Then the command succeeds
    And the output contains "contract <contract> accepted"
    And the sandbox has the contract of "NOVA-1" accepted
    Given the ship "NOVA-1-1" is docked at the seller with a full tank
    And the ship "NOVA-1-1" has room for the contract's goods
    And I ran "spacetraders ship buy NOVA-1-1 <good> <units>"
    And the ship "NOVA-1-1" is docked at the destination with a full tank
    When I run "spacetraders contract deliver <contract> --ship NOVA-1-1"
    Then the command succeeds
    And the output contains "NOVA-1-1 delivered <units> <good> at <destination>"
    When I run "spacetraders contract fulfill <contract>"
    Then the command succeeds
    And the sandbox has the contract of "NOVA-1" fulfilled
    And the ledger of "NOVA-1" holds both payments of the contract as CONTRACT rows

  Scenario: Delivering in the wrong place, too many units or before accepting: one line, a non-zero exit
    When I run "spacetraders contract deliver <contract> --ship NOVA-1-1"
    Then the command fails with exit code 1 and the error "is not accepted: run `spacetraders contract accept"
    Given I ran "spacetraders contract accept <contract>"
    And the ship "NOVA-1-1" is docked at the seller with a full tank
    And the ship "NOVA-1-1" has room for the contract's goods
    And I ran "spacetraders ship buy NOVA-1-1 <good> 5"
    And the ship "NOVA-1-1" is docked away from the destination with a full tank
    When I run "spacetraders contract deliver <contract> --ship NOVA-1-1"
    Then the command fails with exit code 1 and the error "must be delivered at X1-M1-"
    And the error output is a single line
    Given the ship "NOVA-1-1" is docked at the destination with a full tank
    When I run "spacetraders contract deliver <contract> --ship NOVA-1-1 --units 100000"
    Then the command fails with exit code 1 and the error "asked to deliver 100000"
    When I run "spacetraders contract deliver <contract> --ship NOVA-1-1 --units 6"
    Then the command fails with exit code 1 and the error "NOVA-1-1 carries only 5 "
    When I run "spacetraders contract fulfill <contract>"
    Then the command fails with exit code 1 and the error "still needs "
    And the sandbox applied 0 deliveries of "NOVA-1-1"

  Scenario: A delivery whose answer is lost is settled by reading the contract, never sent twice
    Given I ran "spacetraders contract accept <contract>"
    And the ship "NOVA-1-1" is docked at the seller with a full tank
    And the ship "NOVA-1-1" has room for the contract's goods
    And I ran "spacetraders ship buy NOVA-1-1 <good> 5"
    And the ship "NOVA-1-1" is docked at the destination with a full tank
    And the sandbox loses its answer to the next "POST /my/contracts/[^/]+/deliver" after applying it
    When I run "spacetraders contract deliver <contract> --ship NOVA-1-1 --json"
    Then the command succeeds
    And the JSON output has "units" as "5"
    And the sandbox applied 1 delivery of "NOVA-1-1"

  Scenario: contract run fulfils the first contract with goods bought in the system, and earns
    When I run "spacetraders contract run --ship NOVA-1-1 --count 1"
    Then the command succeeds
    And the output contains "NOVA-1-1 fulfilled contract <contract>"
    And the sandbox has the contract of "NOVA-1" fulfilled
    And the ledger of "NOVA-1" holds both payments of the contract as CONTRACT rows
    And the ledger of "NOVA-1" credits the contract's payments to "NOVA-1-1"
    And "NOVA-1" ends with more credits than it started with
    And the sandbox has "NOVA-1-1" holding none of the contract's good

  Scenario: A contract not worth it is not accepted, and the run says why
    When I run "spacetraders contract run --ship NOVA-1-1 --min-profit 1000000000"
    Then the command succeeds
    And the output contains "stopped: not accepted: contract <contract>"
    And the output contains "less than --min-profit 1000000000"
    And the sandbox has the contract of "NOVA-1" not accepted
    And the ledger of "NOVA-1" holds no CONTRACT row

  Scenario: Evaluating a contract: payments less goods and fuel, once a price is known
    When I run "spacetraders contract evaluate <contract> --ship NOVA-1-1"
    Then the command fails with exit code 1 and the error "no price of "
    Given the ship "NOVA-1-1" is docked at the seller with a full tank
    And I ran "spacetraders market show <seller>"
    When I run "spacetraders contract evaluate <contract> --ship NOVA-1-1 --json"
    Then the command succeeds
    And the JSON output has "source" as "buy"
    And the JSON evaluation's profit is its revenue less goods and fuel

  Scenario: A contract run in the daemon survives kill -9 mid-contract, buying and delivering nothing twice
    Given the ship "NOVA-1-1" has room for half the contract's goods
    And I ran "spacetraders daemon start"
    When I run "spacetraders contract run --ship NOVA-1-1 --background"
    Then the command succeeds
    When the sandbox has applied a delivery of "NOVA-1-1"
    And the daemon is killed with SIGKILL
    And I run "spacetraders daemon start"
    Then the container finishes as "COMPLETED"
    And the sandbox has the contract of "NOVA-1" fulfilled
    And the sandbox applied 2 deliveries of "NOVA-1-1"
    And the sandbox has "NOVA-1-1" holding none of the contract's good
    And the ledger of "NOVA-1" holds both payments of the contract as CONTRACT rows
