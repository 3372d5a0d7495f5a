import { EntityManager } from 'typeorm';
import { DomainEvents } from '../../common/events/domain-events';
import { PersonalDataRegistry } from '../../common/personal-data/personal-data.registry';

/**
 * Erases a person (RGPD art. 17) in the caller's transaction, as every module declared it
 * (`*.personal-data.ts`): their rows go, their public contributions stay signed "Ancien membre",
 * references in others' records are cleared, their own row goes last; then `account.erased` lets
 * search re-index the contributions and drop the person's document.
 */
export async function eraseAccount(
  manager: EntityManager,
  personalData: PersonalDataRegistry,
  events: DomainEvents,
  userId: string,
): Promise<void> {
  const reattributed = await personalData.erase(manager, userId);
  await events.publish(manager, { type: 'account.erased', userId, reattributed });
}
