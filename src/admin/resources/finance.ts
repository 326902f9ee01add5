import { bulkAction } from '../bulk/bulk-action.js';
import { voidDeclarations } from '../bulk/void-declarations.js';
import { confirmAction } from '../confirm/confirm-action.js';
import { voidDeclarationPage } from '../confirm/void-declaration-page.js';
import { voidedDeclarationsLink } from '../data-quality/voided-declarations-link.js';
import { nav } from '../navigation.js';
import { defineResource } from './define-resource.js';

export const financeResources = () => [
  defineResource({
    model: 'Statement', table: 'statements', navigation: nav.finance, readers: 'finance.read',
    list: ['name', 'cpdLeadProvider', 'cohort', 'state', 'deadlineDate', 'paymentDate', 'outputFee'],
    filter: ['cpdLeadProvider', 'cohort', 'state', 'name', 'outputFee'],
    show: ['name', 'cpdLeadProvider', 'cohort', 'state', 'deadlineDate', 'paymentDate', 'outputFee', 'contractVersion',
      'mentorContractVersion', 'reconcileAmount', 'markedAsPaidAt', 'createdAt', 'updatedAt'],
    money: ['reconcileAmount'],
    sort: { sortBy: 'paymentDate', direction: 'desc' },
    actions: { voidedDeclarations: voidedDeclarationsLink },
  }),
  defineResource({
    model: 'Declaration', table: 'declarations', navigation: nav.finance, readers: 'participants.read', titleProperty: 'id',
    list: ['teacher', 'declarationType', 'courseIdentifier', 'state', 'cpdLeadProvider', 'cohort', 'declarationDate'],
    filter: ['teacher', 'participantProfile', 'declarationType', 'courseIdentifier', 'state', 'cpdLeadProvider', 'cohort', 'deliveryPartner'],
    show: ['id', 'teacher', 'participantProfile', 'type', 'declarationType', 'courseIdentifier', 'declarationDate', 'evidenceHeld',
      'state', 'cpdLeadProvider', 'cohort', 'deliveryPartner', 'mentorTeacher', 'pupilPremiumUplift', 'sparsityUplift',
      'supersededBy', 'voidedAt', 'voidedBy', 'createdAt', 'updatedAt'],
    sort: { sortBy: 'declarationDate', direction: 'desc' },
    actions: { voidDeclaration: confirmAction(voidDeclarationPage), voidDeclarations: bulkAction(voidDeclarations) },
  }),
  defineResource({
    model: 'DeclarationStateChange', table: 'declaration_state_changes', navigation: nav.finance, readers: 'participants.read',
    titleProperty: 'state', list: ['declaration', 'state', 'stateReason', 'createdAt'], filter: ['declaration', 'state'], auditTrail: false,
  }),
  defineResource({
    model: 'StatementLineItem', table: 'statement_line_items', navigation: nav.finance, readers: 'finance.read',
    titleProperty: 'state', list: ['statement', 'declaration', 'state', 'createdAt'], filter: ['statement', 'declaration', 'state'],
  }),
  defineResource({
    model: 'FinanceAdjustment', table: 'finance_adjustments', navigation: nav.finance, readers: 'finance.read',
    titleProperty: 'paymentType', list: ['statement', 'paymentType', 'amount', 'createdAt'], filter: ['statement'], money: ['amount'],
  }),
  defineResource({
    model: 'StatementSnapshot', table: 'statement_snapshots', navigation: nav.finance, readers: 'finance.read',
    titleProperty: 'calculatedAt', list: ['statement', 'total', 'calculatedAt'], filter: ['statement'], auditTrail: false,
  }),
];
