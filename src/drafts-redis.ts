/**
 * formloom/drafts-redis: a DraftStore on Redis, for node-redis or ioredis clients. A separate entry
 * so that the core (`formloom`) neither bundles it nor depends on either client package.
 */
export { RedisDraftStore } from './drafts/RedisDraftStore';
export type { IoRedisDraftClient, NodeRedisDraftClient, RedisDraftClient, RedisDraftStoreOptions } from './drafts/RedisDraftStore';
export type { Draft, DraftStore } from './session/draftStore';
