import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type EntityManager, type Repository } from 'typeorm';
import { ministryForPost } from './ministries';
import { Ministry } from './ministry.entity';
import { OfficeHolder } from './office-holder.entity';

@Injectable()
export class MinistriesService {
  constructor(@InjectRepository(Ministry) private readonly ministries: Repository<Ministry>) {}

  list(): Promise<Ministry[]> {
    return this.ministries.find({ order: { code: 'ASC' } });
  }

  /** The office holder of a post (and person, when known), recorded the first time it is seen. */
  async officeHolder(manager: EntityManager, post: string, person: string | null): Promise<OfficeHolder> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(OfficeHolder)
      .values({ post, person, ministryCode: ministryForPost(post) })
      .orIgnore()
      .execute();
    return manager.getRepository(OfficeHolder).findOneByOrFail({ post, person: person ?? IsNull() });
  }
}
