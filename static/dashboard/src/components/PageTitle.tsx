/**
 * A page's header as Atlaskit lays it out in Jira: the h1 (its id labels the page's
 * section), an optional back link as a breadcrumb, and the page's actions.
 */
import React from 'react';
import PageHeader from '@atlaskit/page-header';
import Breadcrumbs, { BreadcrumbsItem } from '@atlaskit/breadcrumbs';

export interface PageTitleProps {
  id: string;
  title: string;
  /** The page this one was opened from: a breadcrumb that goes back to it. */
  back?: { label: string; onClick: () => void };
  actions?: React.ReactElement;
}

export function PageTitle({ id, title, back, actions }: PageTitleProps) {
  const breadcrumbs = back ? (
    <Breadcrumbs>
      <BreadcrumbsItem
        text={back.label}
        testId="back-link"
        onClick={(e: React.MouseEvent) => {
          e.preventDefault();
          back.onClick();
        }}
      />
    </Breadcrumbs>
  ) : undefined;
  return (
    <PageHeader id={id} breadcrumbs={breadcrumbs} actions={actions}>
      {title}
    </PageHeader>
  );
}
