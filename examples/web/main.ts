// The page's entry for `npm run web`: the example definitions compiled in the browser by the public
// API. (See page.ts for why there is no framework.) compileForm generates each form's validator as
// code at run time, so this entry needs a CSP that allows eval; mainPrebuilt.ts is the one for pages
// whose CSP does not.
import { compileForm } from 'formloom';
import intake from '../customer-intake.json';
import serviceLog from '../service-feedback-log.json';
import { startPage } from './page';

// The customer-intake form first; the service feedback log has the repeating group (service records).
void startPage({ forms: [compileForm(intake), compileForm(serviceLog)] });
