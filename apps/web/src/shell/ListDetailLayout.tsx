import { Box, Group, ScrollArea, Stack, Title, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { NavLink, Outlet } from 'react-router';
import { EmptyState, ErrorState, Loading } from './States';

interface ListState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
  data?: readonly unknown[] | undefined;
}

/**
 * A list of records on the left, the chosen one (the route's outlet) on the right: one layout for
 * campaigns, directives and whatever follows, so loading, empty and error states read the same.
 */
export function ListDetailLayout(props: {
  testId: string; listTestId: string; listLabel: string; title: string; action?: ReactNode;
  list: ListState; emptyTitle: string; emptyHint: string; pickTitle: string; chosen: boolean;
  children: ReactNode; overlay?: ReactNode;
}) {
  const { list } = props;
  const count = list.data?.length ?? 0;
  return (
    <Box style={{ display: 'flex', height: '100%' }} data-testid={props.testId}>
      <Box component="nav" aria-label={props.listLabel} style={{ width: 'min(24rem, 35vw)', borderRight: '1px solid var(--mantine-color-default-border)', display: 'flex', flexDirection: 'column', minHeight: 0 }}>
        {/* Wraps: an action's label ("Start the gas-explosion exercise") goes under the title rather than end in "…". */}
        <Group justify="space-between" wrap="wrap" gap="xs" p="md" pb="xs">
          <Title order={2} size="h4">{props.title}</Title>
          {props.action}
        </Group>
        {list.isPending ? <Loading /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : count === 0 ? (
          <EmptyState title={props.emptyTitle}>{props.emptyHint}</EmptyState>
        ) : (
          <ScrollArea style={{ flex: 1 }}>
            <Stack gap={0} data-testid={props.listTestId}>{props.children}</Stack>
          </ScrollArea>
        )}
      </Box>
      <Box style={{ flex: 1, minWidth: 0, overflow: 'auto' }}>
        {props.chosen ? <Outlet /> : count > 0 ? <EmptyState title={props.pickTitle} /> : null}
      </Box>
      {props.overlay}
    </Box>
  );
}

/** One row of a ListDetailLayout: a link to the record, marked while it is the one shown. */
export function ListDetailRow({ to, testId, id, children }: { to: string; testId: string; id: string; children: ReactNode }) {
  return (
    <NavLink to={to} style={{ textDecoration: 'none', color: 'inherit' }} data-testid={testId} data-id={id}>
      {({ isActive }) => (
        <UnstyledButton component="span" display="block" px="md" py="sm" aria-current={isActive ? 'page' : undefined}
          style={{ borderLeft: `4px solid ${isActive ? 'var(--mantine-color-blue-5)' : 'transparent'}`, background: isActive ? 'var(--mantine-color-default-hover)' : undefined }}>
          {children}
        </UnstyledButton>
      )}
    </NavLink>
  );
}
