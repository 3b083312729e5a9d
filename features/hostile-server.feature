Feature: A broken or hostile server never corrupts, leaks or crashes
  A tiny HTTP server in front of the sandbox breaks its answers in every way we could think of. Every
  command that reads from the server must fail the same way: exit code 1, one clear line on stderr,
  no stack trace, no token (not even one the server echoes back), and not one row written.

  Background:
    Given a sandbox server
    And the account token is configured
    And a hostile server in front of the sandbox
    And I ran "spacetraders player register --agent NOVA-1 --faction COSMIC" through it
    And the system of the ship "NOVA-1-1" and a waypoint in it are known

  Scenario Outline: <breakage>
    Given it answers with "<breakage>"
    When I run each of these read commands through it:
      | spacetraders player register --agent NOVA-9 --token <token of NOVA-1> |
      | spacetraders player register --agent NOVA-8 --faction COSMIC           |
      | spacetraders status                                                    |
      | spacetraders ship list                                                 |
      | spacetraders ship info NOVA-1-1                                        |
      | spacetraders system waypoints <system>                                 |
      | spacetraders system sync <system>                                      |
      | spacetraders system map <system> --out <folder>/map.svg                |
      | spacetraders route plan NOVA-1-1 <waypoint>                            |
    Then each fails with exit code 1 and one line containing "<error>"
    And the database is unchanged

    Examples:
      | breakage                                               | error                                 |
      | an HTML page with status 200                           | the server sent a malformed response  |
      | truncated JSON                                         | (not valid JSON:                      |
      | a null data field                                      | the server sent a malformed response  |
      | a missing field                                        | : required)                           |
      | a field of the wrong type                              | the server sent a malformed response  |
      | the right body with the wrong content-type             | (content-type text/html, not JSON)    |
      | an empty body                                          | (empty body)                          |
      | an error body with status 200                          | the server sent a malformed response  |
      | a body that claims gzip but is not                     | (cannot decompress its body           |
      | a body over the size cap                               | over 4 MB                             |
      | a body that drips in byte by byte                      | took over 6 s to send its response    |
      | a redirect to another host                             | (HTTP 302, expected                   |
      | an error message that echoes the Authorization header  | error 4001: request rejected          |
      | a bare JSON array                                      | the server sent a malformed response  |

  Scenario: A token the server echoes back is kept out of the debug log too
    Given it answers with "an error message that echoes the Authorization header"
    When I run each of these read commands through it:
      | spacetraders ship list --log-level debug                                                  |
      | spacetraders player register --agent NOVA-9 --token <token of NOVA-1> --log-level debug   |
      | spacetraders player register --agent NOVA-8 --faction COSMIC --log-level debug            |
    Then each fails with exit code 1, logs the error, and shows no token
    And the database is unchanged
