// The list's "Download" drawer: the list's current filters and sort (carried over from the list page),
// how many records that is, and the file as CSV or xlsx. The files hold only what your role may see.
import React, { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { ApiClient, useTranslation, type ActionProps } from 'adminjs';
import { Box, H3, Link, Text } from '@adminjs/design-system';

const api = new ApiClient();

/** The list page's own query: filters and sort, without paging or the drawer's refresh marker. */
function listQuery(search: string): URLSearchParams {
  const params = new URLSearchParams(search);
  for (const key of [...params.keys()]) {
    if (!(key.startsWith('filters.') || key === 'sortBy' || key === 'direction')) params.delete(key);
  }
  return params;
}

const ListDownload: React.FC<ActionProps> = ({ resource, action }) => {
  const location = useLocation();
  const { translateLabel } = useTranslation();
  const query = listQuery(location.search);
  const [total, setTotal] = useState<number | null>(null);
  const filtered = [...query.keys()].some((key) => key.startsWith('filters.'));

  useEffect(() => {
    api.resourceAction({ resourceId: resource.id, actionName: action.name, method: 'get', params: Object.fromEntries(query) })
      .then((response) => setTotal((response.data as { total?: number }).total ?? null))
      .catch(() => setTotal(null));
  }, [location.search]);

  const base = `${window.location.pathname.replace(/\/resources\/.*$/, '')}/api/resources/${encodeURIComponent(resource.id)}/actions/${action.name}`;
  const href = (format: string) => `${base}?${new URLSearchParams([...query, ['format', format]]).toString()}`;
  return (
    <Box variant="grey" data-testid="list-download">
      <H3>Download {translateLabel(resource.name, resource.id)}</H3>
      <Text mb="lg">
        {filtered ? 'The list as you filtered it' : 'The whole list'}, in the order it is sorted
        {total !== null ? `: ${total.toLocaleString('en-GB')} ${total === 1 ? 'record' : 'records'}` : ''}.
        The file holds only the fields your role may see.
      </Text>
      <Box as="ul" pl="xl">
        <li><Link href={href('csv')} download data-testid="list-download-csv">Download as CSV</Link></li>
        <li><Link href={href('xlsx')} download data-testid="list-download-xlsx">Download as a spreadsheet (xlsx)</Link></li>
      </Box>
    </Box>
  );
};

export default ListDownload;
