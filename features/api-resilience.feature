Feature: Living with the real server's failures
  The API client rides out overloads, explains every game error in one line, and notices server
  resets — all through the real CLI against the sandbox's fault injection.

  Background:
    Given a sandbox server running the "navigation" layout 200 times faster
    And the account token is configured
    And I ran "spacetraders player register --agent NOVA-1 --faction COSMIC"

  Scenario: Commands still succeed while 30 % of answers are 503
    Given the sandbox answers 30 % of requests to "/my/ships.*" with HTTP 503
    And the ship "NOVA-1-1" is in orbit at "X1-T1-A" with 400 of 400 fuel
    When I run "spacetraders ship navigate NOVA-1-1 X1-T1-C"
    Then the command succeeds
    And the sandbox has the ship "NOVA-1-1" in orbit at "X1-T1-C"
    # The fastest plan burns to B and cruises on to C: two legs, each applied exactly once.
    And the sandbox applied 2 navigations for "NOVA-1-1"
    When I run "spacetraders ship list"
    Then the command succeeds

  Scenario: A game error becomes one line with its code
    Given the ship "NOVA-1-1" is docked at "X1-T1-B" with 10 of 400 fuel
    When I run "spacetraders ship refuel NOVA-1-1"
    Then the command fails with exit code 1 and the error "error 4226:"
    And the error output is a single line
    And the error output starts with "error 4226: "

  Scenario: After a server reset the token is marked stale and the agent can register again
    Given the sandbox server was reset
    When I run "spacetraders ship list"
    Then the command fails with exit code 1 and the error "the server was reset since this token was issued"
    And the output of "spacetraders player list" contains "stale"
    When I run "spacetraders player register --agent NOVA-1 --faction COSMIC --reregister"
    Then the command succeeds
    And "spacetraders player info NOVA-1 --json" shows "tokenStale" as "false"
    And the output of "spacetraders ship list" contains "NOVA-1-1"

  Scenario: `spacetraders status` notices a reset from the server's reset date
    When I run "spacetraders status"
    Then the command succeeds
    And the output contains "reset date:"
    Given the sandbox server was reset
    When I run "spacetraders status"
    Then the command succeeds
    And the output contains "the server was reset: tokens of NOVA-1 are stale"
    And "spacetraders player info NOVA-1 --json" shows "tokenStale" as "true"
