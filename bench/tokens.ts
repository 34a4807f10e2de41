/**
 * Verifying a bearer token, which every request does: @nestjs/jwt given the secret as a string
 * (the baseline: jsonwebtoken 9 tries to read it as a public key on every call) against the
 * desk's way, a KeyObject made once (libs/accounts/src/accounts.module.ts).
 *
 *   npm run bench:tokens [-- --times 20000]
 */
import { createSecretKey, randomBytes } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { option } from './bench-desk';
import { row, summarise, timeEach } from './stats';

async function main(): Promise<void> {
  const times = Number(option('times', '20000'));
  const secret = randomBytes(32).toString('hex');
  const options = {
    signOptions: { expiresIn: '8h' as const, issuer: 'question-desk' },
    verifyOptions: { issuer: 'question-desk', algorithms: ['HS256' as const] },
  };
  const withString = new JwtService({ ...options, secret });
  const key = createSecretKey(Buffer.from(secret));
  const withKey = new JwtService({ ...options, secretOrKeyProvider: () => key });
  const token = await withString.signAsync({ sub: 'a-user-id', gen: 0 });
  if ((await withKey.verifyAsync<{ sub: string }>(token)).sub !== 'a-user-id') throw new Error('the two services disagree');

  console.log(`Token verification — node ${process.version}, ${times} verifications each, one after another`);
  await timeEach(2000, () => withString.verifyAsync(token)); // warm up both
  await timeEach(2000, () => withKey.verifyAsync(token));
  const baseline = summarise(await timeEach(times, () => withString.verifyAsync(token)));
  const desk = summarise(await timeEach(times, () => withKey.verifyAsync(token)));
  console.log(row('verifyAsync, secret as a string (baseline)', baseline));
  console.log(row('verifyAsync, KeyObject made once (the desk)', desk, baseline));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
