// The one place back-office notices are shown (it replaces AdminJS's NoticeBox, so it covers every notice:
// AdminJS's own, our actions' responses and our pages' addNotice calls). One notice per outcome: only the
// newest is kept, so a stale error never sits above a later success and identical notices never stack;
// a success fades after a while, an error stays until it is closed or the next outcome or page replaces it.
// It sits in the page's flow under the top bar instead of floating over the page heading.
import React, { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useDispatch, useSelector } from 'react-redux';
import { useTranslation } from 'adminjs';
import { Box, Button, Icon, MessageBox } from '@adminjs/design-system';

interface Notice { id: string; message: string; type?: 'success' | 'error' | 'info'; resourceId?: string; options?: Record<string, unknown>; body?: React.ReactNode }

const SUCCESS_SHOWN_MS = 8000;
/** A notice sent with a redirect arrives just before the navigation it asked for; it belongs to the new page. */
const ARRIVES_WITH_ITS_PAGE_MS = 2000;

const NoticeBox: React.FC = () => {
  const notices = useSelector((state: { notices: Notice[] }) => state.notices);
  const dispatch = useDispatch();
  const { tm } = useTranslation();
  const location = useLocation();
  const arrivedAt = useRef(new Map<string, number>());
  const latest = notices.at(-1);
  const drop = (noticeId: string) => dispatch({ type: 'DROP_NOTICE', data: { noticeId } });

  useEffect(() => {
    for (const older of notices.slice(0, -1)) drop(older.id);
    if (latest && !arrivedAt.current.has(latest.id)) arrivedAt.current = new Map([[latest.id, Date.now()]]);
  }, [notices]);

  useEffect(() => {
    if (!latest) return;
    if (Date.now() - (arrivedAt.current.get(latest.id) ?? Date.now()) > ARRIVES_WITH_ITS_PAGE_MS) drop(latest.id);
  }, [location.pathname, location.search]);

  useEffect(() => {
    if (!latest || latest.type === 'error') return undefined;
    const timer = window.setTimeout(() => drop(latest.id), SUCCESS_SHOWN_MS);
    return () => window.clearTimeout(timer);
  }, [latest?.id]);

  if (!latest) return null;
  const variant = latest.type === 'error' ? 'danger' : latest.type ?? 'info';
  return (
    <Box data-testid="notice-wrapper" p="sm" role={latest.type === 'error' ? 'alert' : 'status'}>
      {/* AdminJS places this box over the top of the page; in the flow it pushes the page down instead. */}
      <style>{'[data-css="notice"] { position: static !important; } [data-testid="notice-wrapper"] .adminjs_MessageBox > div { padding-right: 64px; }'}</style>
      <Box position="relative">
        <MessageBox key={latest.id} message={tm(latest.message, latest.resourceId, latest.options)} variant={variant}>
          {latest.body}
        </MessageBox>
        {/* MessageBox's own close button is an unnamed icon: screen readers would announce only "button". */}
        <Button variant="text" size="icon" rounded color={variant} aria-label="Close this message" onClick={() => drop(latest.id)}
          style={{ position: 'absolute', top: 12, right: 12 }}>
          <Icon icon="X" />
        </Button>
      </Box>
    </Box>
  );
};

export default NoticeBox;
