import { useState } from 'react';
import SearchIcon from '@mui/icons-material/Search';
import { Autocomplete, Box, InputAdornment, TextField, Typography } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useTranslate } from 'react-admin';
import { useStepLabel } from '../cases/CaseFields';
import { MAX_QUERY, MIN_QUERY, search, type SearchResult } from './api';
import { useDebouncedValue } from './useDebouncedValue';

const DEBOUNCE_MS = 300;

interface Option {
  group: 'operators' | 'cases';
  id: string;
  primary: string;
  secondary: string;
  path: string;
}

const useOptions = (result: SearchResult | undefined): Option[] => {
  const translate = useTranslate();
  const stepLabel = useStepLabel();
  if (!result) return [];
  return [
    ...result.operators.map((o): Option => ({
      group: 'operators',
      id: o.id,
      primary: o.name,
      secondary: [o.uscc, o.account].filter(Boolean).join(' · '),
      path: `/operators/${encodeURIComponent(o.id)}/show`,
    })),
    ...result.cases.map((c): Option => ({
      group: 'cases',
      id: c.id,
      primary: `${c.operatorName} · ${c.campaignName}`,
      secondary: [c.uscc, c.currentStep ? stepLabel(c.currentStep) : translate(`app.case.status.${c.status}`, { _: c.status })].filter(Boolean).join(' · '),
      path: `/cases/${encodeURIComponent(c.id)}/show`,
    })),
  ];
};

/**
 * The app bar's search: operators (name, 统一社会信用代码 prefix, platform account) and cases, from
 * two characters on, debounced; choosing one opens its page.
 */
export const AppSearch = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const [input, setInput] = useState('');
  const q = useDebouncedValue(input.trim(), DEBOUNCE_MS);
  const enabled = q.length >= MIN_QUERY && q.length <= MAX_QUERY;
  const { data, isFetching, isError } = useQuery({
    queryKey: ['app-search', q],
    queryFn: ({ signal }) => search(q, signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const options = useOptions(enabled ? data : undefined);
  const waiting = input.trim() !== q || isFetching;
  const noOptionsText =
    input.trim().length < MIN_QUERY
      ? translate('app.search.min_chars', { smart_count: MIN_QUERY })
      : isError
        ? translate('ra.notification.http_error')
        : translate('app.search.no_results');
  return (
    <Autocomplete<Option, false, false, false>
      size="small"
      sx={{ width: { xs: 180, sm: 320 }, mx: 1 }}
      options={options}
      value={null}
      inputValue={input}
      onInputChange={(_event, value, reason) => {
        if (reason !== 'reset') setInput(value);
      }}
      onChange={(_event, option) => {
        if (!option) return;
        setInput('');
        navigate(option.path);
      }}
      filterOptions={(x) => x}
      groupBy={(option) => translate(`app.search.group.${option.group}`)}
      getOptionLabel={(option) => option.primary}
      getOptionKey={(option) => `${option.group}:${option.id}`}
      isOptionEqualToValue={(a, b) => a.group === b.group && a.id === b.id}
      loading={enabled && waiting}
      loadingText={translate('ra.page.loading')}
      noOptionsText={noOptionsText}
      autoHighlight
      forcePopupIcon={false}
      clearOnBlur={false}
      renderOption={({ key, ...props }, option) => (
        <Box component="li" key={key} {...props} data-testid="search-result" data-path={option.path}>
          <Box>
            <Typography variant="body2">{option.primary}</Typography>
            {option.secondary && (
              <Typography variant="caption" color="text.secondary">
                {option.secondary}
              </Typography>
            )}
          </Box>
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          placeholder={translate('app.search.placeholder')}
          variant="outlined"
          sx={{ bgcolor: 'background.paper', borderRadius: 1 }}
          inputProps={{
            ...params.inputProps,
            'data-testid': 'app-search',
            maxLength: MAX_QUERY,
            'aria-label': translate('app.search.placeholder'),
          }}
          InputProps={{
            ...params.InputProps,
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          }}
        />
      )}
    />
  );
};
