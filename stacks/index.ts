/**
 * Entry point of the Pulumi program (`main: stacks/` in Pulumi.yaml): one stack per site, named like its chart.
 *
 * The module exports a function and registers nothing when it is loaded. The Pulumi Node.js language host
 * `require`s this module and, because the export is a function, calls it inside the stack and takes the object
 * it returns as the stack outputs (`mqttEndpoint`, `kafkaBootstrap`, `ruleEngineRestUrl`). Tests call
 * `deploySite()` (stacks/deploy-site.ts) themselves, under `pulumi.runtime.setMocks`, with static imports only.
 *
 * @see https://www.pulumi.com/docs/iac/languages-sdks/javascript/ (entrypoint exporting an async function)
 */
import { SiteOutputs, deploySite } from './deploy-site';

export = async (): Promise<SiteOutputs> => deploySite().outputs;
