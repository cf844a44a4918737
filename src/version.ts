// kvnet's version, sent in the user agent; a test keeps it equal to package.json.
export const KVNET_VERSION = '0.1.0';
