Feature: Contracts fed by mining
  When no market of the system sells a contract's good, `spacetraders contract run` mines it: it flies to
  the asteroid that yields it, surveys, extracts on every cooldown, jettisons what no one buys, delivers,
  trip after trip, and fulfils. `spacetraders mine run --deliver CONTRACT` does the same for an accepted
  contract. The sandbox runs the "contract-mining" layout:
    X1-CM: A sells fuel only (the headquarters); B and C are rare-metal asteroids (MERITIUM_ORE, and
    URANITE_ORE for a surveyor): the only goods a contract can ask for there, sold by no market

  Background:
    Given a sandbox server running the "contract-mining" layout 200 times faster
    And the account token is configured
    And I ran "spacetraders player register --agent NOVA-1 --faction COSMIC"
    And the open contract of "NOVA-1" is noted

  Scenario: The evaluation of a contract for a good no market sells is by mining
    When I run "spacetraders contract evaluate <contract> --ship NOVA-1-1 --json"
    Then the command succeeds
    And the JSON output has "source" as "mine"
    And the JSON output has "sourceWaypoint" as "X1-CM-B"
    And the JSON evaluation mines every unit at "X1-CM-B" in cooldowns of 80 s, its profit the revenue less fuel

  Scenario: contract run fulfils the first contract by mining the goods, and earns
    When I run "spacetraders contract run --ship NOVA-1-1 --count 1"
    Then the command succeeds
    And the output contains "NOVA-1-1 fulfilled contract <contract>"
    And the sandbox has the contract of "NOVA-1" fulfilled
    And the ledger of "NOVA-1" holds both payments of the contract as CONTRACT rows
    And "NOVA-1" ends with more credits than it started with
    And the sandbox has "NOVA-1-1" holding none of the contract's good

  Scenario: mine run --deliver mines for an accepted contract, delivers, fulfils and stops
    Given I ran "spacetraders contract accept <contract>"
    When I run "spacetraders mine run --ship NOVA-1-1 --deliver <contract> --json"
    Then the command succeeds
    And the JSON output has "asteroid" as "X1-CM-B"
    And the sandbox has the contract of "NOVA-1" fulfilled
    And the ledger of "NOVA-1" holds both payments of the contract as CONTRACT rows

  Scenario: A contract run killed with -9 while mining resumes after a restart and fulfils, delivering nothing twice
    Given I ran "spacetraders daemon start"
    When I run "spacetraders contract run --ship NOVA-1-1 --count 1 --background"
    Then the command succeeds
    When the sandbox has applied 3 extractions for "NOVA-1-1"
    And the daemon is killed with SIGKILL
    And I run "spacetraders daemon start"
    Then the container finishes as "COMPLETED"
    And the last container's logs contain "resuming after a daemon crash"
    And the sandbox has the contract of "NOVA-1" fulfilled, no unit delivered beyond it and no other contract accepted
    And the ledger of "NOVA-1" holds both payments of the contract as CONTRACT rows
    And the sandbox has "NOVA-1-1" holding none of the contract's good

  Scenario: A contract run killed with -9 after its first delivery resumes and delivers only the rest
    Given the ship "NOVA-1-1" has room for half the contract's goods
    And I ran "spacetraders daemon start"
    When I run "spacetraders contract run --ship NOVA-1-1 --count 1 --background"
    Then the command succeeds
    When the sandbox has applied a delivery of "NOVA-1-1"
    And the daemon is killed with SIGKILL
    And I run "spacetraders daemon start"
    Then the container finishes as "COMPLETED"
    And the last container's logs contain "resuming after a daemon crash"
    And the sandbox has the contract of "NOVA-1" fulfilled, no unit delivered beyond it and no other contract accepted
    And the ledger of "NOVA-1" holds both payments of the contract as CONTRACT rows
    And the sandbox has "NOVA-1-1" holding none of the contract's good
