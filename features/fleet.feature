Feature: The fleet at a glance, and a coordinator that keeps every ship at work
  `spacetraders fleet status` shows each ship's role, its job (the container that claims it),
  where it is, its cargo and credits/hour over the last hour from the ledger, with the fleet's totals.
  The sandbox runs a hand-written layout:
    X1-S1: A market and shipyard (HQ); B and its moon G, C, E markets; D a shipyard only; F neither

  Background:
    Given a sandbox server running the "scouting" layout 200 times faster
    And the account token is configured
    And I ran "spacetraders player register --agent NOVA-1 --faction COSMIC"
    And I ran "spacetraders shipyard list X1-S1-A"
    And I ran "spacetraders shipyard buy SHIP_PROBE"

  Scenario: fleet status --json lists every ship with a role
    When I run "spacetraders fleet status --json"
    Then the command succeeds
    And the JSON fleet status lists the ships "NOVA-1-1,NOVA-1-2,NOVA-1-3", each with a role
    And the JSON output has "ships.0.role" as "contracts"
    And the JSON output has "ships.1.role" as "scout"
    And the JSON output has "ships.1.job" as "null"
    When I run "spacetraders fleet status"
    Then the output has a line matching "^NOVA-1-2\s+scout\s+idle\s+X1-S1-A\s+DOCKED\s+0/0\s+0$"
    And the output has a line matching "^3 ship\(s\), -?[\d,]+ credits/hour over the last hour, [\d,]+ credits$"

  Scenario: A ship's job is the container that claims it
    Given I ran "spacetraders daemon start"
    And I ran "spacetraders scout markets X1-S1 --ships NOVA-1-2,NOVA-1-3 --background"
    When I run "spacetraders fleet status --json"
    Then the command succeeds
    And the JSON output has "ships.1.job.command" as "ScoutMarkets"
    And the JSON output has "ships.2.job.command" as "ScoutMarkets"
    And the JSON output has "ships.0.job" as "null"
