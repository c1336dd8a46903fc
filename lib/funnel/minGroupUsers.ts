/**
 * The fewest users a breakdown group needs before it is tested at all (docs/bring-your-own-data.md,
 * "Breakdowns"). Below it a group is shown with its interval but takes part in no test: a handful of
 * users cannot say how alike one user's sessions are, so one frequent visitor (8 buying sessions of 8)
 * would otherwise pass for eight independent successes and "differ significantly" from everyone.
 * 30 is the usual rule of thumb for the normal approximation behind the z and χ² tests.
 */
export const MIN_GROUP_USERS = 30;
