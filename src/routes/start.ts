/** GET /: what the tool does, for whom, what to have at hand, and where to go. */
import type { FastifyPluginAsync } from 'fastify';
import { langOf } from '../lang.ts';
import { inLang } from '../journey.ts';
import { renderForm } from '../page.ts';

const text = {
  sv: {
    title: 'Statsbidrag för skolsociala team',
    heading: 'Kontrollera och beräkna statsbidraget för skolsociala team',
    lead: 'Verktyget prövar ett skolsocialt team mot förordningen (2023:179) om statsbidrag för personalkostnader för skolsociala team, förklarar varje villkor med sin paragraf och räknar ut de högsta möjliga beloppen från Skolverket och Socialstyrelsen.',
    forWhomHeading: 'För vem',
    forWhom: [
      'Rektorer som vill veta om teamet uppfyller villkoren.',
      'Ekonomer i kommunen som uppskattar båda delarna av pengarna och risken för återbetalning.',
      'Samordnare som förbereder huvudmannens ansökan till Skolverket.',
    ],
    needHeading: 'Det här behöver du ha till hands',
    need: [
      'Vilka i teamet som kommer från skolan och vilka från socialtjänsten, och deras tjänstgöringsgrad i teamet.',
      'Anställningarnas eller uppdragens start- och slutdatum.',
      'Varje persons utbildning.',
      'Månadslön eller arvode och personalomkostnadspålägg.',
    ],
    useHeading: 'Så använder du det',
    use: 'Reglerna förklaras på en egen sida. System och skript kan använda samma prövning genom ett JSON-API och ett kommandoradsverktyg.',
    rulesLink: 'Reglerna som verktyget tillämpar',
    apiLink: 'Beskrivning av API:et (OpenAPI, JSON)',
    notSubmitted: 'Verktyget lämnar inte in någon ansökan. Ansökan görs av huvudmannen i Skolverkets e-tjänst, och kommunen rekvirerar sin del från Socialstyrelsen.',
    start: 'Starta',
    importLink: 'Har du en sammanställning som PDF från verktyget? Öppna den och fortsätt.',
    saved: 'Det du fyller i sparas som ett utkast medan du går. Du kan sluta och fortsätta en annan dag med länken till utkastet.',
    overviewHeading: 'För kommunens ekonomer: kommunens översikt',
    overviewLead: 'Kommunens ekonomer skapar en översikt för kommunen och bidragsåret och får en länk till den och en kod att skicka till huvudmännen. Samordnarna delar sina ansökningar med översikten med koden. Översikten visar team, bedömning och belopp, med Socialstyrelsens belopp, risken att betala tillbaka och förslag på bemanning. Personernas löner visas inte.',
    createOverview: 'Skapa en översikt för kommunen',
  },
  en: {
    title: 'State grant for school-social teams',
    heading: 'Check and calculate the state grant for school-social teams',
    lead: 'The tool checks a school-social team against ordinance 2023:179 on state grants for personnel costs of school-social teams, explains each condition with its section, and calculates the highest possible amounts from Skolverket and Socialstyrelsen.',
    forWhomHeading: 'Who it is for',
    forWhom: [
      'Principals who want to know whether the team meets the conditions.',
      'Municipal finance staff estimating both halves of the money and the risk of repayment.',
      'Coordinators preparing the organiser\'s application to Skolverket.',
    ],
    needHeading: 'What you need at hand',
    need: [
      'Who in the team comes from the school and who from social services, and their fte in the team.',
      'Start and end dates of the employments or assignments.',
      'Each person\'s education.',
      'Monthly salary or fee and the employer cost rate.',
    ],
    useHeading: 'How to use it',
    use: 'The rules are explained on a page of their own. Systems and scripts can use the same checks through a JSON API and a command-line tool.',
    rulesLink: 'The rules the tool applies',
    apiLink: 'API description (OpenAPI, JSON)',
    notSubmitted: 'The tool does not submit any application. The organiser applies in Skolverket\'s e-service, and the municipality requisitions its part from Socialstyrelsen.',
    start: 'Start',
    importLink: 'Do you have a summary PDF from the tool? Open it and continue.',
    saved: 'What you fill in is saved as a draft as you go. You can stop and continue another day with the link to the draft.',
    overviewHeading: "For the municipality's finance staff: the municipality's overview",
    overviewLead: "The municipality's finance staff create an overview for the municipality and grant year and get a link to it and a code to send to the organisers. Coordinators share their applications with the overview using the code. The overview shows teams, assessments and amounts, with Socialstyrelsen's amounts, the risk of repayment and staffing suggestions. People's salaries are not shown.",
    createOverview: 'Create an overview for the municipality',
  },
};

const start: FastifyPluginAsync = async (app) => {
  app.get('/', async (request, reply) => {
    const lang = langOf(request.query);
    return renderForm(reply, 'start.eta', {
      lang,
      path: '/',
      title: text[lang].title,
      text: text[lang],
      action: inLang('/ansokan', lang),
      rulesHref: inLang('/regler', lang),
      importHref: inLang('/importera', lang),
      overviewHref: inLang('/oversikt/ny', lang),
    });
  });
};

export default start;
