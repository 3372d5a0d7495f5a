import { Injectable } from '@nestjs/common';
import { allowsContribution, Contribution, ContributionAction, ContributionKind } from './contribution-policy';
import { GroupAccess } from './group-access.service';
import { GroupStanding } from './group-policy';
import { Refusal, refusal } from './refusals';

/**
 * Who may edit, delete or accept contributions (posts, comments, questions, answers): decided by
 * contribution-policy.ts from the author and the viewer's standing in the group.
 */
@Injectable()
export class ContributionAccess {
  constructor(private readonly groups: GroupAccess) {}

  /** The ids among `items` on which the viewer may do `action`: one standings query for all their groups. */
  async allowed(viewerId: string, items: Contribution[], action: ContributionAction): Promise<Set<string>> {
    const standings = await this.groups.standings(viewerId, [...new Set(items.map((item) => item.groupId))]);
    return new Set(
      items
        .filter((item) => {
          const standing = standings.get(item.groupId);
          return standing && allowsContribution(viewerId, item, standing, action);
        })
        .map((item) => item.id),
    );
  }

  /** Throws the refusal (e.g. `post.edit`) unless the viewer may do it, for a standing already known. */
  require(viewerId: string, item: Contribution, standing: GroupStanding, what: ContributionRefusal): void {
    const action = what.slice(what.indexOf('.') + 1) as ContributionAction;
    if (!allowsContribution(viewerId, item, standing, action)) throw refusal(what);
  }
}

/** The refusals of actions on contributions: `<kind>.<action>`. */
export type ContributionRefusal = Extract<Refusal, `${ContributionKind}.${ContributionAction}`>;
