Feature: Price history and the books over time
  Every market read with prices is stored; `spacetraders market history GOOD` lists a good's stored
  prices per market over time and `--svg` charts them. The ledger reconciles from the agent's credits
  when the bot first saw it (a baseline recorded at registration), so a movement the bot did not
  record shows up as `unexplained` even before the first recorded trade; `ledger --svg` charts the
  credits. The sandbox runs the "markets" layout:
    X1-M1: A exports IRON, imports IRON_ORE, sells fuel; B imports IRON; C exports COPPER; D no market

  Background:
    Given a sandbox server running the "markets" layout 200 times faster
    And the account token is configured
    And I ran "spacetraders player register --agent NOVA-1 --faction COSMIC"
    And the ship "NOVA-1-1" is docked at "X1-M1-A" with 400 of 400 fuel

  Scenario: Two reads at different times are two points of the good's history
    Given I ran "spacetraders market show X1-M1-A"
    And I ran "spacetraders market show X1-M1-A"
    When I run "spacetraders market history IRON --json"
    Then the command succeeds
    And the history of "IRON" at "X1-M1-A" has 2 points, oldest first, each with its prices and supply
    When I run "spacetraders market history IRON --at X1-M1-A --since 1h"
    Then the command succeeds
    And the output contains "IRON at X1-M1-A (2 reads):"
    And the output has a line matching "^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d +\d+ +\d+ +[A-Z]+ +[A-Z]* +20$"
    And "spacetraders market history IRON --at X1-M1-B --json" shows "markets" as "[]"

  Scenario: The history as an SVG chart
    Given I ran "spacetraders market show X1-M1-A"
    And the ship "NOVA-1-1" is docked at "X1-M1-B" with 400 of 400 fuel
    And I ran "spacetraders market show X1-M1-B"
    When I run "spacetraders market history IRON --svg <folder>/iron.svg"
    Then the command succeeds
    And the output contains "wrote <folder>/iron.svg"
    And "iron.svg" in my folder is an SVG chart with 4 lines titled "IRON prices at 2 markets"

  Scenario: A good never observed, and a bad one
    When I run "spacetraders market history COPPER"
    Then the command succeeds
    And the output contains "no stored observation of COPPER; a ship must visit a market that trades it"
    When I run "spacetraders market history iron-ore!"
    Then the command fails with exit code 2 and the error 'invalid trade good "iron-ore!"'
    When I run "spacetraders market history IRON --since soon"
    Then the command fails with exit code 2 and the error '--since must be a positive duration such as 30m, 12h or 7d, got "soon"'
    When I run "spacetraders market history IRON --at nowhere"
    Then the command fails with exit code 2 and the error "nowhere"

  Scenario: From a fresh agent, a buy and a sell: the books balance from the start
    Given I note the credits of "NOVA-1"
    And I ran "spacetraders ship buy NOVA-1-1 IRON 10"
    And the ship "NOVA-1-1" is docked at "X1-M1-B" with 400 of 400 fuel
    And I ran "spacetraders ship sell NOVA-1-1 IRON --all"
    When I run "spacetraders ledger --json"
    Then the command succeeds
    And the ledger's total equals the change in the credits of "NOVA-1" since they were noted
    And "spacetraders ledger --json" shows "unexplained" as "0"
    When I run "spacetraders ledger --svg <folder>/credits.svg"
    Then the command succeeds
    And the output contains "the books balance with the agent's"
    And "credits.svg" in my folder is an SVG chart with 1 lines titled "credits over time"

  Scenario: A purchase made outside the bot before its first trade is unexplained
    Given "NOVA-1-1" buys 5 "IRON" outside the bot
    And I ran "spacetraders ship buy NOVA-1-1 IRON 10"
    When I run "spacetraders ledger --json"
    Then the command succeeds
    And the ledger's unexplained credits are minus the price of that purchase
