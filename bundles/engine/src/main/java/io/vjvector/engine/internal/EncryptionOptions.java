package io.vjvector.engine.internal;

import java.util.function.UnaryOperator;

/**
 * How the engine encrypts what it writes and where its master key comes from (see {@link
 * MasterKeys} for the order of the sources).
 *
 * @param enabled whether new log records and checkpoints are encrypted; data written either way
 *     stays readable
 * @param masterKeyFile a file holding the base64 of a 32-byte master key, or empty
 * @param masterKeyStore a PKCS12 keystore holding the master key as a secret-key entry, or empty
 * @param masterKeyAlias the keystore entry
 * @param masterKeyStorePasswordEnv the environment variable holding the keystore's password
 * @param environment reads environment variables (tests substitute their own)
 */
record EncryptionOptions(
    boolean enabled,
    String masterKeyFile,
    String masterKeyStore,
    String masterKeyAlias,
    String masterKeyStorePasswordEnv,
    UnaryOperator<String> environment) {
  static final String DEFAULT_ALIAS = "vjvector-master";
  static final String DEFAULT_PASSWORD_ENV = "VJV_MASTER_KEY_STORE_PASSWORD";

  static final EncryptionOptions DEFAULTS =
      new EncryptionOptions(true, "", "", DEFAULT_ALIAS, DEFAULT_PASSWORD_ENV, System::getenv);

  EncryptionOptions {
    masterKeyFile = masterKeyFile == null ? "" : masterKeyFile.trim();
    masterKeyStore = masterKeyStore == null ? "" : masterKeyStore.trim();
    masterKeyAlias =
        masterKeyAlias == null || masterKeyAlias.isBlank() ? DEFAULT_ALIAS : masterKeyAlias.trim();
    masterKeyStorePasswordEnv =
        masterKeyStorePasswordEnv == null || masterKeyStorePasswordEnv.isBlank()
            ? DEFAULT_PASSWORD_ENV
            : masterKeyStorePasswordEnv.trim();
    environment = environment == null ? System::getenv : environment;
  }

  /** The same options with encryption of new writes on or off. */
  EncryptionOptions withEnabled(boolean on) {
    return new EncryptionOptions(
        on, masterKeyFile, masterKeyStore, masterKeyAlias, masterKeyStorePasswordEnv, environment);
  }

  /** The same options with a master key file. */
  EncryptionOptions withMasterKeyFile(String file) {
    return new EncryptionOptions(
        enabled, file, masterKeyStore, masterKeyAlias, masterKeyStorePasswordEnv, environment);
  }

  /** The same options reading environment variables through {@code env}. */
  EncryptionOptions withEnvironment(UnaryOperator<String> env) {
    return new EncryptionOptions(
        enabled, masterKeyFile, masterKeyStore, masterKeyAlias, masterKeyStorePasswordEnv, env);
  }
}
