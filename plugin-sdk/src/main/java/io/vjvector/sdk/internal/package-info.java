/**
 * Helpers shared by the SDK's own classes. Not exported: plugins cannot import this package, so it
 * may change in any release.
 */
package io.vjvector.sdk.internal;
