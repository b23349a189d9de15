/** Every engine of the peer bench, formloom first, loaded lazily so that a missing package names itself. */
import type { Peer } from './types';

export const peers = async (): Promise<Peer[]> => [
  (await import('./formloom')).formloomPeer,
  (await import('./jsonforms')).jsonFormsPeer,
  (await import('./formily')).formilyPeer,
  (await import('./surveyjs')).surveyJsPeer,
  (await import('./formio')).formioPeer,
  (await import('./limit')).limitPeer,
];
