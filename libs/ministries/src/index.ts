export * from './ministries';
export { Ministry } from './ministry.entity';
export { OfficeHolder } from './office-holder.entity';
export { MinistriesModule } from './ministries.module';
export { MinistriesService } from './ministries.service';
export { CreateMinistries1732300000000 } from './migrations/1732300000000-create-ministries';
