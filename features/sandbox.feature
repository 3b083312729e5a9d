Feature: The sandbox speaks the real API
  Players develop strategies offline against `spacetraders sandbox start`; it must answer like the
  real server: the same error codes and data, and the same rate limit.

  Scenario: Start the sandbox from the command line
    When I start "spacetraders sandbox start --port 0 --seed 7 --no-rate-limit" and kill it once the output shows "export SPACETRADERS_API_URL"
    Then the output contains "sandbox listening at http://127.0.0.1:"
    And the output contains "admin API at http://127.0.0.1:"

  Scenario: A bad sandbox option is one clear line
    When I run "spacetraders sandbox start --time-scale fast"
    Then the command fails with exit code 2 and the error '--time-scale must be a positive number, got "fast"'

  Scenario: A saved state that is not a world is one clear line, and no server starts
    Given the file "world.json" in my folder holds '{"foo":1}'
    When I run "spacetraders sandbox start --port 0 --state <folder>/world.json"
    Then the command fails with exit code 2 and the error "world.json cannot be loaded: Invalid world state: state.seed must be a finite number"
    And the error output is a single line

  Scenario Outline: Game rules answer with the real error codes
    Given a sandbox server running the "navigation" layout 200 times faster
    And the agent "RAW-1" was registered on the server outside this bot
    And the ship "RAW-1-1" is <status> at "X1-T1-B" with <fuel> of 400 fuel
    When the agent "RAW-1" sends "<method> <path>" with '<body>'
    Then the sandbox answers <http> with error code <code>

    Examples:
      | status   | fuel | method | path                      | body                           | http | code |
      | docked   | 100  | POST   | /my/ships/RAW-1-1/navigate | {"waypointSymbol":"X1-T1-C"}  | 400  | 4236 |
      | in orbit | 100  | POST   | /my/ships/RAW-1-1/navigate | {"waypointSymbol":"X1-T1-B"}  | 400  | 4204 |
      | in orbit | 10   | POST   | /my/ships/RAW-1-1/navigate | {"waypointSymbol":"X1-T1-D"}  | 400  | 4203 |
      | in orbit | 100  | POST   | /my/ships/RAW-1-1/refuel   | {}                            | 400  | 4244 |
      | docked   | 100  | POST   | /my/ships/RAW-1-1/refuel   | {}                            | 400  | 4226 |
      | docked   | 100  | POST   | /my/ships/RAW-1-1/purchase | {"symbol":"IRON","units":999} | 400  | 4604 |
      | docked   | 100  | POST   | /my/ships/NOPE-9/orbit     | {}                            | 404  | 404  |
      | docked   | 100  | POST   | /my/ships/RAW-1-1/navigate | not json                      | 422  | 422  |

  Scenario: A ship in transit says when it arrives
    Given a sandbox server running the "navigation" layout 1 times faster
    And the agent "RAW-1" was registered on the server outside this bot
    And the ship "RAW-1-1" is in orbit at "X1-T1-A" with 400 of 400 fuel
    And the agent "RAW-1" sent "POST /my/ships/RAW-1-1/navigate" with '{"waypointSymbol":"X1-T1-C"}'
    When the agent "RAW-1" sends "POST /my/ships/RAW-1-1/dock" with '{}'
    Then the sandbox answers 400 with error code 4214
    And the error data has "secondsToArrival"

  Scenario: The rate limit: 2 per second plus a burst of 30, then 429 with retry-after
    Given a sandbox server with its rate limit on
    And the agent "RAW-1" was registered on the server outside this bot
    When the agent "RAW-1" sends "GET /my/agent" 32 times at once
    Then 31 answers are 200 and 1 is 429 with a retry-after of 1 second
