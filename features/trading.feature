Feature: Trading between markets
  A player lists the best trades from stored market observations with `spacetraders trade plan`, and
  runs a trader with `spacetraders trade run`: it plans, flies, re-reads the price on arrival, buys in
  lots under a cap, flies, sells in lots over a floor, and every lot lands in the ledger. In the daemon
  a trader reserves its route (a claim `route:GOOD:A>B`), so a second trader takes another one.
  The sandbox runs the "trading" layout (every good trades 20 units a lot):
    X1-T1: A exports IRON and sells fuel; B imports IRON; C exports COPPER and sells fuel; D imports COPPER

  Background:
    Given a sandbox server running the "trading" layout 200 times faster
    And the account token is configured
    And I ran "spacetraders player register --agent NOVA-1 --faction COSMIC"
    And the markets "X1-T1-A,X1-T1-B,X1-T1-C,X1-T1-D" were observed by "NOVA-1-1"
    And the ship "NOVA-1-1" is docked at "X1-T1-A" with 400 of 400 fuel

  Scenario: The plan lists trades with the contract keys, best first
    When I run "spacetraders trade plan --ship NOVA-1-1 --json"
    Then the command succeeds
    And the JSON rows have the keys "good,buyAt,sellAt,units,expectedProfit,seconds,creditsPerHour,dataAgeSeconds"
    And the JSON rows include "IRON" from "X1-T1-A" to "X1-T1-B" and "COPPER" from "X1-T1-C" to "X1-T1-D"
    When I run "spacetraders trade plan --ship NOVA-1-1 --limit 1"
    Then the command succeeds
    And the output has a line matching "^NOVA-1-1 in X1-T1: 4 market\(s\) with stored prices, \d+ route\(s\) planned in \d+ ms$"

  Scenario: A trader makes a profitable round trip, every lot in the ledger
    When I run "spacetraders trade run --ship NOVA-1-1 --trips 1 --json"
    Then the command succeeds
    And the JSON output has "stoppedBecause" as "null"
    And the ledger of "NOVA-1" earned more from sales than it spent on purchases
    And the ledger's unexplained credits are 0

  Scenario: Two traders never take the same reserved route
    Given the ship "NOVA-1-2" is docked at "X1-T1-A" with 400 of 400 fuel
    And the ship "NOVA-1-2" has a hold of 40 units
    And the sandbox runs in real time
    And I ran "spacetraders daemon start"
    When I run "spacetraders trade run --ship NOVA-1-1 --trips 1 --background"
    And the last container's logs come to contain "reserved route:"
    And I run "spacetraders trade run --ship NOVA-1-2 --trips 1 --background"
    And the last container's logs come to contain "reserved route:"
    Then the two traders reserved different routes, the second planning around the first's
