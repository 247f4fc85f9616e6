// The benchmark peer: a Bot Framework SDK (botbuilder 4.23.3) bot with the same conversation depth as KitBot's
// consultation, for bench/run.sh. Anonymous (no app id, like the Agents Playground), state in MemoryStorage.
//   install -> welcome card; "menu.consult" -> a waterfall of four Adaptive Card prompts (child, people,
//   the person's factors, the adoptive parents' factors) -> a summary card (two cards, as KitBot sends).
// Every card carries Action.Submit data { verb, cid, step } like KitBot's, so the same driver script works;
// the peer ignores the submitted values beyond checking that a card was submitted.
'use strict';
const http = require('http');
const {
  CloudAdapter, ConfigurationBotFrameworkAuthentication, ActivityHandler, ConversationState, UserState,
  MemoryStorage, MessageFactory, CardFactory,
} = require('botbuilder');
const { DialogSet, WaterfallDialog, ActivityPrompt, DialogTurnStatus } = require('botbuilder-dialogs');

const port = Number(process.env.PORT || 3979);
const auth = new ConfigurationBotFrameworkAuthentication({});
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => {
  console.error(`[peer] turn error: ${error && error.message}`);
  await context.sendActivity('Sorry, something went wrong.');
};

const storage = new MemoryStorage();
const conversationState = new ConversationState(storage);
const userState = new UserState(storage);
const dialogState = conversationState.createProperty('dialogState');
const answers = userState.createProperty('answers');

function card(title, verb, cid, step, inputs) {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    body: [
      { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
      ...inputs.map((id) => ({ type: 'Input.Text', id, label: id, value: '' })),
    ],
    actions: [
      { type: 'Action.Submit', title: 'Next', style: 'positive', data: { verb, cid, step } },
      { type: 'Action.Submit', title: 'Back', data: { verb: 'dialog.back', cid, step } },
    ],
  });
}

// A prompt that accepts a submitted card (a message whose value is an object).
class CardPrompt extends ActivityPrompt {
  constructor(id) {
    super(id, async (prompt) => prompt.recognized.succeeded
      && prompt.recognized.value && typeof prompt.recognized.value.value === 'object');
  }
}

const dialogs = new DialogSet(dialogState);
dialogs.add(new CardPrompt('card'));
const steps = [
  ['About the child', 'consult.child', ['ageBand', 'journey', 'wishes', 'identity', 'childNote']],
  ['Who matters to the child', 'consult.people', ['rel0', 'label0']],
  ['Strengths and challenges: Nan', 'consult.factors', ['f.child-positive', 'f.person-risk']],
  ['Strengths and challenges: adoptive parents', 'consult.factors', ['f.child-positive', 'f.person-risk']],
];
const waterfall = steps.map(([title, verb, inputs], i) => async (step) => {
  if (i > 0) {
    const saved = await answers.get(step.context, {});
    saved[`step${i - 1}`] = step.result.value;
    await answers.set(step.context, saved);
  }
  return step.prompt('card', { prompt: MessageFactory.attachment(card(title, verb, step.context.activity.conversation.id, i, inputs)) });
});
waterfall.push(async (step) => {
  const saved = await answers.get(step.context, {});
  saved[`step${steps.length - 1}`] = step.result.value;
  await answers.set(step.context, saved);
  await step.context.sendActivity(MessageFactory.attachment(card('Summary', 'consult.finish', step.context.activity.conversation.id, 4, [])));
  await step.context.sendActivity(MessageFactory.attachment(card('Summary: people', 'consult.finish', step.context.activity.conversation.id, 4, [])));
  return step.endDialog();
});
dialogs.add(new WaterfallDialog('consult', waterfall));

class PeerBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      if (context.activity.membersAdded.some((m) => m.id === context.activity.recipient.id)) {
        await context.sendActivity(MessageFactory.attachment(card('Welcome', 'menu.consult', null, null, [])));
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      const dc = await dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) {
        await dc.beginDialog('consult');
      }
      await next();
    });
  }

  async run(context) {
    await super.run(context);
    await conversationState.saveChanges(context, false);
    await userState.saveChanges(context, false);
  }
}
const bot = new PeerBot();

// Plain Node http: CloudAdapter.process needs req.body (parsed JSON) and an express-like response.
function response(res) {
  return {
    socket: res.socket,
    header(name, value) { res.setHeader(name, value); return this; },
    status(code) { res.statusCode = code; return this; },
    send(body) {
      if (body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body)) {
        res.setHeader('Content-Type', 'application/json');
        body = JSON.stringify(body);
      }
      res.end(body);
      return this;
    },
    end(...args) { if (!res.writableEnded) res.end(...args); return this; },
  };
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.statusCode = 200;
    res.end('ok');
    return;
  }
  if (req.method !== 'POST' || req.url !== '/api/messages') {
    res.statusCode = 404;
    res.end();
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try {
      req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.statusCode = 400;
      res.end();
      return;
    }
    const r = response(res);
    try {
      await adapter.process(req, r, (context) => bot.run(context));
    } catch (e) {
      console.error(`[peer] ${e && e.message}`);
      if (!res.writableEnded) { res.statusCode = 500; res.end(); }
    }
    if (!res.writableEnded) res.end();
  });
});
server.keepAliveTimeout = 65000;
server.listen(port, '127.0.0.1', () => console.log(`peer listening on http://127.0.0.1:${port}/api/messages`));
