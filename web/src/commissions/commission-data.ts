import { graphql } from '../gql';

/** The commission and what the viewer may do in its two groups. */
export const CommissionPageQuery = graphql(`
  query CommissionPage($id: ID!) {
    commission(id: $id) {
      id
      name
      description
      organization {
        id
        name
      }
      workingGroup {
        id
        name
        visibility
        viewerRole
        viewerCanModerate
      }
      showcaseGroup {
        id
        name
      }
    }
  }
`);

/** One page of a group's posts (the working group's or the showcase's), newest first. */
export const CommissionGroupPostsQuery = graphql(`
  query CommissionGroupPosts($id: ID!, $after: String) {
    group(id: $id) {
      id
      posts(first: 20, after: $after) {
        edges {
          node {
            ...PostCardFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const ProposePublicationMutation = graphql(`
  mutation CommissionPropose($postId: ID!) {
    proposePublication(postId: $postId) {
      id
      publicationStatus
    }
  }
`);

export const PublishToShowcaseMutation = graphql(`
  mutation CommissionPublish($postId: ID!) {
    publishToShowcase(postId: $postId) {
      ...PostCardFields
    }
  }
`);

/** An organisation's commissions, for its administration page. */
export const OrganizationCommissionsQuery = graphql(`
  query OrganizationCommissions($organizationId: ID!) {
    commissions(organizationId: $organizationId) {
      id
      name
      description
    }
  }
`);

export const CreateCommissionMutation = graphql(`
  mutation CreateCommission($input: CreateCommissionInput!) {
    createCommission(input: $input) {
      id
      name
    }
  }
`);
