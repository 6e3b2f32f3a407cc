/**
 * The search field and filter buttons above a long paged table (the overview's
 * desks, History's runs), and the state they drive: a new search or filter goes
 * back to the first page.
 */
import React, { useState } from 'react';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';

export interface TableView<F extends string> {
  query: string;
  filter: F;
  page: number;
  setQuery(query: string): void;
  setFilter(filter: F): void;
  setPage(page: number): void;
}

/** A table's search, filter and page; searching or filtering goes back to page 1. */
export function useTableView<F extends string>(initialFilter: F): TableView<F> {
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<F>(initialFilter);
  const [page, setPage] = useState(1);
  return {
    query,
    filter,
    page,
    setQuery: (q) => {
      setQuery(q);
      setPage(1);
    },
    setFilter: (f) => {
      setFilter(f);
      setPage(1);
    },
    setPage,
  };
}

export interface TableToolsProps<F extends string> {
  /** Names the field and buttons: `${name}-search`, `${name}-filter-${filter}`. */
  name: string;
  labels: { search: string; searchPlaceholder: string; filter: string; filters: Record<F, string> };
  filters: readonly F[];
  view: TableView<F>;
  /** Shown after the filters, e.g. how many rows are shown. */
  children?: React.ReactNode;
}

export function TableTools<F extends string>({ name, labels, filters, view, children }: TableToolsProps<F>) {
  const { query, filter } = view;
  return (
    <div className="mw-table-tools">
      <div className="mw-search">
        <label htmlFor={`${name}-search`} className="mw-label">{labels.search}</label>
        <Textfield
          id={`${name}-search`}
          value={query}
          placeholder={labels.searchPlaceholder}
          onChange={(e) => view.setQuery((e.target as HTMLInputElement).value)}
          testId={`${name}-search`}
          isCompact
        />
      </div>
      <div role="group" aria-label={labels.filter} className="mw-filter">
        {filters.map((f) => (
          <Button key={f} isSelected={filter === f} aria-pressed={filter === f} onClick={() => view.setFilter(f)} testId={`${name}-filter-${f}`}>
            {labels.filters[f]}
          </Button>
        ))}
      </div>
      {children}
    </div>
  );
}
