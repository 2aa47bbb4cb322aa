/**
 * An invalid fleet inventory. The message names the site (`<env>/<siteId>`), the field, the value and the fix:
 * `Invalid inventory: site "prod/cloud", field components.zookeeper.replicas = 4: <problem>. Fix: <fix>.`
 */
export class InventoryError extends Error {
  /** Where the error is: `<env>/<siteId>` for a site, `<env>` for an environment, `fleet` for the fleet. */
  public readonly site: string;
  /** Dotted path of the bad field, relative to the site (or environment). */
  public readonly field: string;
  /** The value found. */
  public readonly value: unknown;

  /**
   * @param where - `site "<env>/<id>"`, `environment "<env>"` or `fleet`
   * @param site - the site or environment key
   * @param field - dotted field path
   * @param value - bad value (rendered with JSON.stringify)
   * @param problem - what is wrong
   * @param fix - how to fix it
   */
  constructor(where: string, site: string, field: string, value: unknown, problem: string, fix: string) {
    super(`Invalid inventory: ${where}, field ${field} = ${InventoryError.render(value)}: ${problem}. Fix: ${fix}.`);
    this.name = 'InventoryError';
    this.site = site;
    this.field = field;
    this.value = value;
  }

  private static render(value: unknown): string {
    return value === undefined ? 'undefined' : JSON.stringify(value);
  }
}
