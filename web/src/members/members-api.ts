import { graphql } from '../gql';

export const MembersOrganizationQuery = graphql(`
  query MembersOrganization($id: ID!) {
    organization(id: $id) {
      id
      name
      kind
    }
  }
`);

export const MembersListQuery = graphql(`
  query MembersList($organizationId: ID!, $filter: MemberFilter, $first: Int!, $after: String) {
    members(organizationId: $organizationId, filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          role
          createdAt
          categories
          duesStatus
          duesPaidUntil
          organization {
            id
            name
          }
          user {
            id
            displayName
            email
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Only the count of people (one per person across the subtree): the segment builder's live "N membres". */
export const MembersCountQuery = graphql(`
  query MembersCount($organizationId: ID!, $filter: MemberFilter) {
    countMembers(organizationId: $organizationId, filter: $filter)
  }
`);

export const SetMemberCategoriesMutation = graphql(`
  mutation SetMemberCategories($organizationId: ID!, $userId: ID!, $categories: [MemberCategory!]!) {
    setMemberCategories(organizationId: $organizationId, userId: $userId, categories: $categories) {
      categories
      duesStatus
      duesPaidUntil
      organization {
        id
      }
      user {
        id
      }
    }
  }
`);

export const RecordDuesPaymentMutation = graphql(`
  mutation RecordDuesPayment($input: RecordDuesPaymentInput!) {
    recordDuesPayment(input: $input) {
      id
      amountCents
      periodEnd
    }
  }
`);

export const ExportMembersQuery = graphql(`
  query ExportMembers($organizationId: ID!, $filter: MemberFilter) {
    exportMembers(organizationId: $organizationId, filter: $filter)
  }
`);

export const SegmentsQuery = graphql(`
  query Segments($organizationId: ID!) {
    segments(organizationId: $organizationId) {
      id
      name
      memberCount
      builtIn
      filter {
        categories
        duesStatus
        joinedWithinDays
        inactiveForDays
        duesEndingWithinDays
        skills
        search
        includeDescendants
      }
    }
  }
`);

export const CreateSegmentMutation = graphql(`
  mutation CreateSegment($input: CreateSegmentInput!) {
    createSegment(input: $input) {
      id
      name
      memberCount
      builtIn
      filter {
        categories
        duesStatus
        joinedWithinDays
        inactiveForDays
        duesEndingWithinDays
        skills
        search
        includeDescendants
      }
    }
  }
`);

export const DeleteSegmentMutation = graphql(`
  mutation DeleteSegment($id: ID!) {
    deleteSegment(id: $id)
  }
`);

export const ImportMembersMutation = graphql(`
  mutation ImportMembers($organizationId: ID!, $csv: String!, $dryRun: Boolean!) {
    importMembers(organizationId: $organizationId, csv: $csv, dryRun: $dryRun) {
      created
      updated
      unchanged
      errors {
        line
        column
        message
      }
      importId
      status
    }
  }
`);

/** An applied import still running in the background: its progress, asked again until it is done. */
export const MemberImportQuery = graphql(`
  query MemberImportProgress($id: ID!) {
    memberImport(id: $id) {
      id
      status
      processed
      total
      report {
        created
        updated
        unchanged
        errors {
          line
          column
          message
        }
        importId
        status
      }
    }
  }
`);

export const MyMembershipsQuery = graphql(`
  query MyMemberships {
    me {
      id
      memberships {
        categories
        duesStatus
        duesPaidUntil
        organization {
          id
          name
        }
      }
    }
  }
`);

export const GraceDaysQuery = graphql(`
  query MembersGraceDays($id: ID!) {
    organization(id: $id) {
      id
      duesGraceDays
    }
  }
`);

export const UpdateGraceDaysMutation = graphql(`
  mutation UpdateGraceDays($input: UpdateOrganizationSettingsInput!) {
    updateOrganizationSettings(input: $input) {
      id
      duesGraceDays
    }
  }
`);

/** A member's dues payments in one organisation (the treasurer's history, shown when recording a new one). */
export const MemberPaymentsQuery = graphql(`
  query MemberPayments($userId: ID!) {
    user(id: $userId) {
      id
      memberships {
        organization {
          id
        }
        duesPayments {
          id
          amountCents
          paidOn
          periodStart
          periodEnd
          reference
        }
      }
    }
  }
`);
