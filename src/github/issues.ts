/**
 * Issue-level interactions for `/recheck`: the commenter's permission, a reaction to
 * acknowledge, and a short reply when nothing runs.
 */
import { httpStatus, type GitHub, type RepoRef } from './types.js';

const WRITE_ROLES = new Set(['admin', 'maintain', 'write']);

/** True when `username` has write, maintain or admin permission on the repository. */
export async function canWrite(github: GitHub, repo: RepoRef, username: string): Promise<boolean> {
  try {
    const { data } = await github.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
    return WRITE_ROLES.has(data.role_name ?? '') || WRITE_ROLES.has(data.permission);
  } catch (error) {
    // 404: not a collaborator (or no such user): no permission.
    if (httpStatus(error) === 404) return false;
    throw error;
  }
}

export async function reactToComment(github: GitHub, repo: RepoRef, commentId: number, content: 'eyes' | '+1' | 'rocket'): Promise<void> {
  await github.rest.reactions.createForIssueComment({ ...repo, comment_id: commentId, content });
}

export async function replyToIssue(github: GitHub, repo: RepoRef, issueNumber: number, body: string): Promise<void> {
  await github.rest.issues.createComment({ ...repo, issue_number: issueNumber, body });
}
