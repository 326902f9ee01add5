// The candidates as the filters and page choose them, loaded from the page's handler; whether the user may
// use the page at all comes with them.
import { useCallback, useEffect, useState } from 'react';
import { api, filterParams, PAGE, type CandidatesPage, type Filters, type Option } from './shared.js';

export function useCandidates() {
  const [allowed, setAllowed] = useState<boolean | null>(null);
  const [leadProviders, setLeadProviders] = useState<Option[]>([]);
  const [filters, setFilters] = useState<Filters>({ leadProvider: null, school: null, search: '', status: '' });
  const [page, setPage] = useState(1);
  const [list, setList] = useState<CandidatesPage | null>(null);

  const reload = useCallback(async () => {
    const response = await api.getPage({ pageName: PAGE, params: { ...filterParams(filters), page: String(page) } });
    const data = response.data as { allowed: boolean; leadProviders?: { id: string; name: string }[]; candidates?: CandidatesPage };
    setAllowed(data.allowed);
    if (data.leadProviders) setLeadProviders(data.leadProviders.map((lp) => ({ value: lp.id, label: lp.name })));
    if (data.candidates) setList(data.candidates);
  }, [filters, page]);

  useEffect(() => { void reload(); }, [reload]);

  /** A new filter starts again at the first page. */
  const changeFilter = (change: Partial<Filters>) => { setFilters({ ...filters, ...change }); setPage(1); };
  return { allowed, leadProviders, filters, changeFilter, setPage, list, reload };
}
