import { KeyedIds } from '../core/keyed-ids.js';
import { skeleton } from './confusables.js';

/**
 * Users by the skeleton of their login (confusables.ts), so "whose login reads as this one" is a
 * lookup, not a pass over the directory. Built on the first question (org1 never asks, and a
 * generated world need not carry it until a JIT creation does), kept current after that.
 */
export class LookalikeIndex {
  #bySkeleton: KeyedIds | undefined;

  constructor(private readonly users: () => Iterable<{ id: string; profile: { login: string } }>) {}

  added(id: string, login: string): void {
    this.#bySkeleton?.add(skeleton(login), id);
  }

  removed(id: string, login: string): void {
    this.#bySkeleton?.delete(skeleton(login), id);
  }

  /** Ids of the users whose login has the same skeleton as `login`. */
  sameAs(login: string): string[] {
    if (!this.#bySkeleton) {
      this.#bySkeleton = new KeyedIds();
      for (const user of this.users()) this.#bySkeleton.add(skeleton(user.profile.login), user.id);
    }
    return this.#bySkeleton.get(skeleton(login));
  }
}
