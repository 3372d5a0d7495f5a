import { graphql } from '../gql';

/** What a post card shows; every list of posts (feed, group, one post) asks for these fields. */
export const PostCardFields = graphql(`
  fragment PostCardFields on Post {
    id
    body
    createdAt
    editedAt
    commentCount
    reactionCount
    viewerHasReacted
    author {
      id
      displayName
    }
    group {
      id
      name
      viewerCanModerate
    }
    files {
      id
      name
      mimeType
      size
      url
      thumbnailUrl
    }
    publishedBy {
      id
      name
    }
    publicationStatus
  }
`);

export const CommentFields = graphql(`
  fragment CommentFields on Comment {
    id
    body
    createdAt
    author {
      id
      displayName
    }
  }
`);
