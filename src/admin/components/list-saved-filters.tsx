// The list's "Saved filters" drawer: save the list's current filters and sort under a name, and apply or
// delete one's own saved filters for this list. Nobody else sees them.
import React, { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiClient, useTranslation, type ActionProps } from 'adminjs';
import { Box, Button, FormGroup, H3, Input, Label, MessageBox, Text } from '@adminjs/design-system';

const api = new ApiClient();

interface SavedFilter { id: string; name: string; query: Record<string, string> }
interface Answer { savedFilters?: SavedFilter[]; result?: { message: string; type: 'success' | 'error' } }

/** The list page's own query: filters and sort, without paging or the drawer's refresh marker. */
function listQuery(search: string): URLSearchParams {
  const params = new URLSearchParams(search);
  for (const key of [...params.keys()]) {
    if (!(key.startsWith('filters.') || key === 'sortBy' || key === 'direction')) params.delete(key);
  }
  return params;
}

const ListSavedFilters: React.FC<ActionProps> = ({ resource, action }) => {
  const location = useLocation();
  const navigate = useNavigate();
  const { translateLabel } = useTranslation();
  const query = listQuery(location.search);
  const [filters, setFilters] = useState<SavedFilter[] | null>(null);
  const [name, setName] = useState('');
  const [result, setResult] = useState<Answer['result']>();
  const [busy, setBusy] = useState(false);

  const answer = (data: Answer) => {
    setFilters(data.savedFilters ?? []);
    setResult(data.result);
  };
  useEffect(() => {
    api.resourceAction({ resourceId: resource.id, actionName: action.name, method: 'get' })
      .then((response) => answer(response.data as Answer)).catch(() => setFilters([]));
  }, [resource.id]);

  const post = async (fields: Record<string, string>) => {
    setBusy(true);
    try {
      const data = new FormData();
      for (const [key, value] of Object.entries(fields)) data.append(key, value);
      const response = await api.resourceAction({ resourceId: resource.id, actionName: action.name, method: 'post', data });
      answer(response.data as Answer);
      if ((response.data as Answer).result?.type === 'success') setName('');
    } finally {
      setBusy(false);
    }
  };
  const listPath = location.pathname.replace(/\/actions\/[^/]+$/, '');
  const apply = (filter: SavedFilter) => navigate({ pathname: listPath, search: `?${new URLSearchParams(filter.query).toString()}` });
  const filtered = [...query.keys()].length > 0;

  return (
    <Box variant="grey" data-testid="list-saved-filters">
      <H3>Saved filters: {translateLabel(resource.name, resource.id)}</H3>
      {result ? <MessageBox mb="lg" message={result.message} variant={result.type === 'error' ? 'danger' : 'success'} /> : null}
      {filtered ? (
        <Box as="form" mb="xl" onSubmit={(e: React.FormEvent) => { e.preventDefault(); void post({ op: 'save', name, query: query.toString() }); }}>
          <FormGroup>
            <Label htmlFor="saved-filter-name">Save this filter as</Label>
            <Input id="saved-filter-name" value={name} width="100%" onChange={(e: React.ChangeEvent<HTMLInputElement>) => setName(e.target.value)} />
            <Text variant="sm" color="grey60" mt="sm">Keeps the list’s current filters and sort. Only you see your saved filters.</Text>
          </FormGroup>
          <Button type="submit" variant="contained" disabled={busy}>Save this filter</Button>
        </Box>
      ) : <Text mb="xl">Filter or sort the list first, then save that filter here under a name.</Text>}
      <H3>My saved filters</H3>
      {filters === null ? <Text>Loading…</Text> : filters.length === 0 ? <Text>You have no saved filters on this list.</Text> : (
        <Box as="ul" style={{ listStyle: 'none', padding: 0 }}>
          {filters.map((f) => (
            <li key={f.id} data-testid="list-saved-filter">
              <Box flex alignItems="center" justifyContent="space-between" py="sm">
                <Text>{f.name}</Text>
                <Box>
                  <Button type="button" size="sm" variant="outlined" mr="sm" onClick={() => apply(f)} aria-label={`Apply ${f.name}`}>Apply</Button>
                  <Button type="button" size="sm" variant="text" color="danger" disabled={busy} onClick={() => void post({ op: 'delete', id: f.id })} aria-label={`Delete ${f.name}`}>Delete</Button>
                </Box>
              </Box>
            </li>
          ))}
        </Box>
      )}
    </Box>
  );
};

export default ListSavedFilters;
