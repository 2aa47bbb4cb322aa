/** Where the mosquitto image reads its files. */
export const MOSQUITTO_PATHS = {
  config: '/mosquitto/config',
  passwordFile: '/mosquitto/auth/passwd',
  auth: '/mosquitto/auth',
  data: '/mosquitto/data',
  bridgeTls: '/mosquitto/bridge-tls',
} as const;

/** The TLS bridge from an edge Mosquitto to the cloud EMQX. */
export interface MosquittoBridgeConf {
  /** Cloud EMQX host. */
  readonly host: string;
  /** Cloud EMQX TLS port. */
  readonly port: number;
  /** Bridge client id (also the certificate CN EMQX maps to a user name). */
  readonly clientId: string;
  /** Local topic patterns sent out (QoS 1). */
  readonly topics: readonly string[];
  /** Prefix added to the topics on the cloud side, e.g. `sites/gw01/`. */
  readonly remotePrefix: string;
}

/** Inputs of {@link renderMosquittoConf}. */
export interface MosquittoConfInput {
  /** Listener port. */
  readonly port: number;
  /** `allow_anonymous`; only a dev environment may set it. */
  readonly allowAnonymous: boolean;
  /** `max_queued_messages` per client (and for the bridge while the link is down); 0 = unlimited. */
  readonly maxQueuedMessages: number;
  /** Optional bridge. */
  readonly bridge?: MosquittoBridgeConf;
}

/**
 * Renders `mosquitto.conf` (Mosquitto 2.x): one listener, password file, persistence, `set_tcp_nodelay true` and a
 * raised `max_queued_messages` (the defaults stall QoS 1 on Nagle/delayed-ACK and drop messages to slow
 * subscribers past 1000), plus an optional TLS bridge authenticated by a client certificate, so no password is
 * ever written into the ConfigMap.
 * @see https://mosquitto.org/man/mosquitto-conf-5.html
 */
export function renderMosquittoConf(input: MosquittoConfInput): string {
  const lines = [
    'per_listener_settings false',
    `listener ${input.port}`,
    'protocol mqtt',
    `allow_anonymous ${input.allowAnonymous ? 'true' : 'false'}`,
    `password_file ${MOSQUITTO_PATHS.passwordFile}`,
    'persistence true',
    `persistence_location ${MOSQUITTO_PATHS.data}/`,
    'autosave_interval 60',
    'set_tcp_nodelay true',
    `max_queued_messages ${input.maxQueuedMessages}`,
    'queue_qos0_messages false',
    'log_dest stdout',
    'log_type error',
    'log_type warning',
    'log_type notice',
    'connection_messages true',
  ];
  const b = input.bridge;
  if (b) {
    lines.push(
      '',
      '# TLS bridge to the cloud EMQX (client-certificate authentication)',
      'connection cloud',
      `address ${b.host}:${b.port}`,
      'bridge_protocol_version mqttv311',
      `bridge_cafile ${MOSQUITTO_PATHS.bridgeTls}/ca.crt`,
      `bridge_certfile ${MOSQUITTO_PATHS.bridgeTls}/tls.crt`,
      `bridge_keyfile ${MOSQUITTO_PATHS.bridgeTls}/tls.key`,
      'bridge_insecure false',
      `remote_clientid ${b.clientId}`,
      'cleansession false',
      'restart_timeout 5 60',
      'notifications false',
      ...b.topics.map((t) => `topic ${t} out 1 "" ${b.remotePrefix}`),
    );
  }
  return `${lines.join('\n')}\n`;
}
