import { jobHandlerProblems } from './job-handlers';

describe('the start-up check of job handlers', () => {
  const queues = { operations: ['HeartbeatJob'], reminders: ['SweepRemindersJob', 'DeliverReminderJob'] };

  it('passes when every job of every queue has exactly one handler', () => {
    expect(
      jobHandlerProblems(queues, [
        { processor: 'OperationsProcessor', queue: 'operations', jobNames: ['HeartbeatJob'] },
        { processor: 'RemindersProcessor', queue: 'reminders', jobNames: ['SweepRemindersJob', 'DeliverReminderJob'] },
      ]),
    ).toEqual([]);
  });

  it('names a job without a handler, a handler without a job, an unknown queue and a second processor', () => {
    expect(
      jobHandlerProblems(queues, [
        { processor: 'OperationsProcessor', queue: 'operations', jobNames: undefined },
        { processor: 'RemindersProcessor', queue: 'reminders', jobNames: ['SweepRemindersJob', 'SendFaxJob'] },
        { processor: 'ExtraProcessor', queue: 'reminders', jobNames: ['SweepRemindersJob'] },
        { processor: 'StrayProcessor', queue: 'imports', jobNames: [] },
      ]),
    ).toEqual([
      'OperationsProcessor (queue "operations") does not say which jobs it handles (jobNames)',
      'StrayProcessor serves queue "imports", which no library declares',
      'Job "HeartbeatJob" of queue "operations" has no handler',
      'Queue "reminders" has 2 processors (RemindersProcessor, ExtraProcessor); a job would go to either',
      'Job "SweepRemindersJob" of queue "reminders" has 2 handlers',
      'Job "DeliverReminderJob" of queue "reminders" has no handler',
      'RemindersProcessor handles "SendFaxJob", which queue "reminders" does not carry',
    ]);
  });
});
