/** Folder of the per-stack settings files, relative to `Pulumi.yaml` (its `stackConfigDir`). */
export const STACK_CONFIG_DIR = 'stacks/config';

/**
 * Path of a stack's settings file, relative to the project root: `stacks/config/Pulumi.<stack>.yaml`.
 * @param stackName - the stack name, e.g. `prod-dc24`
 * @see https://www.pulumi.com/docs/iac/concepts/projects/project-file/ (`stackConfigDir`)
 */
export function stackFileOf(stackName: string): string {
  return `${STACK_CONFIG_DIR}/Pulumi.${stackName}.yaml`;
}

/**
 * A missing or invalid stack configuration key. The message names the full key (`edgestack:site`), the stack
 * settings file and the command that fixes it. It never contains a secret value.
 *
 * Shapes:
 * - missing: `Missing configuration key 'edgestack:site' (the site id) for stack prod-dc24 in
 *   stacks/config/Pulumi.prod-dc24.yaml. Set it with: pulumi config set edgestack:site <value> --stack prod-dc24`
 * - invalid: `Invalid configuration key 'edgestack:edgeNodes' for stack prod-dc24 in
 *   stacks/config/Pulumi.prod-dc24.yaml: <problem>. Set it with: pulumi config set ...`
 */
export class StackConfigError extends Error {
  /** Full configuration key, `<project>:<key>`. */
  public readonly key: string;
  /** Settings file of the stack, relative to the project root. */
  public readonly stackFile: string;

  private constructor(message: string, key: string, stackFile: string) {
    super(message);
    this.name = 'StackConfigError';
    this.key = key;
    this.stackFile = stackFile;
  }

  /**
   * A required key is absent.
   * @param fullKey - `<project>:<key>`
   * @param stackName - stack being run
   * @param description - what the key holds, shown in parentheses
   * @param secret - true for keys that must be set with `--secret`
   */
  static missing(fullKey: string, stackName: string, description: string, secret: boolean): StackConfigError {
    const stackFile = stackFileOf(stackName);
    return new StackConfigError(
      `Missing configuration key '${fullKey}' (${description}) for stack ${stackName} in ${stackFile}. ` +
        `Set it with: ${setCommand(fullKey, stackName, secret)}`,
      fullKey,
      stackFile,
    );
  }

  /**
   * A key is present but its value is unusable. For secret keys `problem` must not quote the value.
   * @param fullKey - `<project>:<key>`
   * @param stackName - stack being run
   * @param problem - what is wrong and what is expected
   * @param secret - true for keys that must be set with `--secret`
   */
  static invalid(fullKey: string, stackName: string, problem: string, secret: boolean): StackConfigError {
    const stackFile = stackFileOf(stackName);
    return new StackConfigError(
      `Invalid configuration key '${fullKey}' for stack ${stackName} in ${stackFile}: ${problem}. ` +
        `Set it with: ${setCommand(fullKey, stackName, secret)}`,
      fullKey,
      stackFile,
    );
  }
}

/**
 * The `pulumi config set` command line for a key; secrets get `--secret` so they are stored encrypted.
 * @see https://www.pulumi.com/docs/iac/concepts/config/
 */
export function setCommand(fullKey: string, stackName: string, secret: boolean): string {
  return `pulumi config set${secret ? ' --secret' : ''} ${fullKey} <value> --stack ${stackName}`;
}
