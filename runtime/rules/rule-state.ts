/**
 * A rule's run state, as eKuiper's rule state machine (`internal/topo/rule/machine`) reports it.
 * - `running`: sources subscribed, sinks connected.
 * - `stopped`: stopped by a user, or never started.
 * - `stopped by error`: the rule could not start or its sources failed; `message` says why.
 *
 * @see https://ekuiper.org/docs/en/latest/guide/rules/overview.html
 */
export type RuleState = 'starting' | 'running' | 'stopping' | 'stopped' | 'stopped by error';

/**
 * eKuiper's brief status text of `GET /rules`: `Running`, `Stopped: canceled manually.`,
 * `Stopped: <reason>.`
 */
export function statusText(state: RuleState, message: string): string {
  switch (state) {
    case 'running':
      return 'Running';
    case 'starting':
      return 'Starting';
    case 'stopping':
      return 'Stopping';
    case 'stopped':
      return 'Stopped: canceled manually.';
    default:
      return `Stopped: ${message.replace(/\.$/, '')}.`;
  }
}
