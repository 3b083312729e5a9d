Feature: Markets, cargo and trade
  A player reads markets with `spacetraders market show|list`, and buys and sells with `spacetraders
  ship buy|sell`: the bot docks, splits a trade into lots no larger than the good's trade volume,
  stops when the price crosses the player's limit, and writes every lot to the ledger from the
  server's own record. The sandbox runs a hand-written layout (every good trades 20 units a lot):
    X1-M1: A exports IRON, imports IRON_ORE, sells fuel; B imports IRON; C exports COPPER; D no market

  Background:
    Given a sandbox server running the "markets" layout 200 times faster
    And the account token is configured
    And I ran "spacetraders player register --agent NOVA-1 --faction COSMIC"
    And the ship "NOVA-1-1" is docked at "X1-M1-A" with 400 of 400 fuel

  Scenario: A market live with a ship there, then from storage with its age
    When I run "spacetraders market show X1-M1-A"
    Then the command succeeds
    And the output contains "X1-M1-A: live prices"
    And the output has a line matching "^IRON +EXPORT +[A-Z]+ +\S* +20 +\d+ +\d+$"
    And "spacetraders market show X1-M1-A --json" shows "live" as "true"
    Given the ship "NOVA-1-1" is docked at "X1-M1-D" with 400 of 400 fuel
    And the ship "NOVA-1-2" is docked at "X1-M1-D" with 0 of 0 fuel
    When I run "spacetraders market show X1-M1-A"
    Then the command succeeds
    And the output has a line matching "^X1-M1-A: stored observation, \d+s old \(no ship of yours is there\)$"
    And "spacetraders market show X1-M1-A --json" shows "live" as "false"
    And "spacetraders market show X1-M1-A --json" shows "exports" as "[\"IRON\"]"
    And "spacetraders market show X1-M1-A --json" shows "tradeGoods.1.symbol" as "IRON"

  Scenario: A market no ship has visited shows only what it trades
    When I run "spacetraders market show X1-M1-C"
    Then the command succeeds
    And the output contains "X1-M1-C: no prices known; a ship must visit the market to see them"
    And "spacetraders market show X1-M1-C --json" shows "tradeGoods" as "[]"
    And "spacetraders market show X1-M1-C --json" shows "observedAt" as "null"
    And "spacetraders market show X1-M1-C --json" shows "exports" as "[\"COPPER\"]"

  Scenario: Every marketplace of a system with the age of its freshest observation
    Given I ran "spacetraders market show X1-M1-A"
    When I run "spacetraders market list X1-M1 --json"
    Then the command succeeds
    And the market list shows "X1-M1-A" observed, and "X1-M1-B,X1-M1-C" never observed
    When I run "spacetraders market list X1-M1"
    Then the output has a line matching "^X1-M1-A +\d+s ago +FUEL,IRON,IRON_ORE$"
    And the output has a line matching "^X1-M1-C +never +COPPER$"

  Scenario: Where to buy a good cheapest and sell it dearest, from stored observations
    Given I ran "spacetraders market show X1-M1-A"
    And the ship "NOVA-1-1" is docked at "X1-M1-B" with 400 of 400 fuel
    And I ran "spacetraders market show X1-M1-B"
    When I run "spacetraders market find IRON --near NOVA-1-1 --json"
    And the finding lists "X1-M1-A,X1-M1-B" on both sides, best first, with their age and travel from the ship
    When I run "spacetraders market find IRON --system X1-M1"
    Then the command succeeds
    And the output contains "buy IRON (cheapest first):"
    And the output has a line matching "^X1-M1-B +\d+ +[A-Z]+ +20 +\d+s ago$"
    When I run "spacetraders market find COPPER"
    Then the command succeeds
    And the output contains "no stored observation of COPPER; a ship must visit a market that trades it"

  Scenario: Buying more than one trade volume goes in lots, each one in the ledger
    Given I note the credits of "NOVA-1"
    When I run "spacetraders ship buy NOVA-1-1 IRON 30 --json"
    Then the command succeeds
    And the trade moved 30 units in lots of "20,10"
    And the sandbox applied 2 purchases for "NOVA-1-1"
    And "spacetraders ship cargo NOVA-1-1 --json" shows "inventory" as "[{\"symbol\":\"IRON\",\"units\":30}]"
    And the ledger of "NOVA-1" has 2 "PURCHASE" rows for "NOVA-1-1" that sum to minus the trade's total price
    And the ledger of "NOVA-1" explains the change in the agent's credits

  Scenario: Selling all of a good
    Given I note the credits of "NOVA-1"
    And I ran "spacetraders ship buy NOVA-1-1 IRON 30"
    And the ship "NOVA-1-1" is docked at "X1-M1-B" with 400 of 400 fuel
    When I run "spacetraders ship sell NOVA-1-1 IRON --all --json"
    Then the command succeeds
    And the trade moved 30 units in lots of "20,10"
    And the sandbox applied 2 sales for "NOVA-1-1"
    And "spacetraders ship cargo NOVA-1-1 --json" shows "inventory" as "[]"
    And the ledger of "NOVA-1" has 2 "SALE" rows for "NOVA-1-1" that sum to the trade's total price
    And the ledger of "NOVA-1" has 4 rows
    And the ledger of "NOVA-1" explains the change in the agent's credits
    And "spacetraders ledger --json" shows "unexplained" as "0"
    When I run "spacetraders ledger --by good"
    Then the command succeeds
    And the output contains "the books balance with the agent's"
    And the output has a line matching "^total: -?[\d,]+ \(by good: IRON -?[\d,]+\)$"

  Scenario: The ledger reports credits it cannot explain
    Given I ran "spacetraders ship buy NOVA-1-1 IRON 10"
    And "NOVA-1-1" buys 5 "IRON" outside the bot
    When I run "spacetraders ledger --json"
    Then the command succeeds
    And the ledger's unexplained credits are minus the price of that purchase
    When I run "spacetraders ledger --by planet"
    Then the command fails with exit code 2 and the error '--by must be one of ship, kind, good, got "planet"'
    When I run "spacetraders ledger --since yesterday"
    Then the command fails with exit code 2 and the error "--since must be a positive duration"

  Scenario: A failed sale writes nothing
    Given I ran "spacetraders ship buy NOVA-1-1 IRON 30"
    And the ship "NOVA-1-1" is in orbit at "X1-M1-C" with 400 of 400 fuel
    When I run "spacetraders ship sell NOVA-1-1 IRON --all"
    Then the command fails with exit code 1 and the error "the market at X1-M1-C does not trade IRON"
    And the sandbox applied 0 sales for "NOVA-1-1"
    And "spacetraders ship cargo NOVA-1-1 --json" shows "inventory" as "[{\"symbol\":\"IRON\",\"units\":30}]"
    And the ledger of "NOVA-1" has 2 rows
    Given the ship "NOVA-1-1" is docked at "X1-M1-B" with 400 of 400 fuel
    When I run "spacetraders ship sell NOVA-1-1 IRON 31"
    Then the command fails with exit code 1 and the error "NOVA-1-1 carries only 30 IRON, asked to sell 31"
    When I run "spacetraders ship sell NOVA-1-1 IRON lots"
    Then the command fails with exit code 2 and the error 'UNITS must be a whole number, got "lots"'
    When I run "spacetraders ship buy NOVA-1-1 IRON 41"
    Then the command fails with exit code 1 and the error "not enough cargo space"
    And the ledger of "NOVA-1" has 2 rows

  Scenario: --max-price stops the purchase once the price has risen above it
    Given I ran "spacetraders market show X1-M1-A"
    When I buy 40 "IRON" with "NOVA-1-1" paying at most the purchase price shown at "X1-M1-A"
    Then the command succeeds
    And the output contains "stopped after 20 of 40: the price crossed --max-price"
    And the sandbox applied 1 purchase for "NOVA-1-1"
    And the ledger of "NOVA-1" has 1 rows

  Scenario: A sale whose answer is lost is settled from the market's own record: booked once, never sent again
    Given I note the credits of "NOVA-1"
    And I ran "spacetraders ship buy NOVA-1-1 IRON 30"
    And the ship "NOVA-1-1" is docked at "X1-M1-B" with 400 of 400 fuel
    And the sandbox loses its answer to the next "POST /my/ships/NOVA-1-1/sell" after applying it
    When I run "spacetraders ship sell NOVA-1-1 IRON --all"
    Then the command succeeds
    And the sandbox applied 2 sales for "NOVA-1-1"
    And the ledger of "NOVA-1" has 4 rows
    And the ledger of "NOVA-1" explains the change in the agent's credits

  Scenario: A refuel is a FUEL row in the ledger
    Given I note the credits of "NOVA-1"
    And the ship "NOVA-1-1" is docked at "X1-M1-A" with 100 of 400 fuel
    When I run "spacetraders ship refuel NOVA-1-1"
    Then the command succeeds
    And the ledger of "NOVA-1" has 1 "FUEL" row for "NOVA-1-1"
    And the ledger of "NOVA-1" explains the change in the agent's credits

  Scenario: A server reset empties the stored market observations (seen by `status`)
    Given I ran "spacetraders status"
    And I ran "spacetraders market show X1-M1-A"
    And the store holds market observations of "NOVA-1"
    And the sandbox server was reset
    When I run "spacetraders status"
    Then the command succeeds
    And the store holds no market observations of "NOVA-1"

  Scenario: A server reset empties the stored market observations (seen by a refused token)
    Given I ran "spacetraders market show X1-M1-A"
    And the sandbox server was reset
    When I run "spacetraders market show X1-M1-A"
    Then the command fails with exit code 1 and the error "the server was reset since this token was issued"
    And the store holds no market observations of "NOVA-1"
