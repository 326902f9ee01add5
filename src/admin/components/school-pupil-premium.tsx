// The school's pupil premium and sparsity flags for each cohort start year, on its page: the flags that decide
// uplift payments for participants of that cohort.
import React from 'react';
import type { BasePropertyProps } from 'adminjs';
import { Box, H5, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';

interface YearFlags { startYear: number; pupilPremium: boolean; sparsity: boolean }

const yesNo = (flag: boolean) => (flag ? 'Yes' : 'No');

const SchoolPupilPremium: React.FC<BasePropertyProps> = ({ record, property }) => {
  const raw = record?.params?.[property.path];
  const years: YearFlags[] = raw ? JSON.parse(raw) : [];
  return (
    <Box mt="xl" data-testid="school-pupil-premium">
      <H5>Pupil premium and sparsity</H5>
      {years.length === 0 ? (
        <Text>No flags imported for this school: no uplift in any year.</Text>
      ) : (
        <Table>
          <TableHead>
            <TableRow>
              <TableCell>Cohort start year</TableCell>
              <TableCell>Pupil premium</TableCell>
              <TableCell>Sparsity</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {years.map((year) => (
              <TableRow key={year.startYear}>
                <TableCell>{year.startYear}</TableCell>
                <TableCell>{yesNo(year.pupilPremium)}</TableCell>
                <TableCell>{yesNo(year.sparsity)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

export default SchoolPupilPremium;
