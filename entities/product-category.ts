import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('product_categories')
export class ProductCategory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_product_categories_code', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ name: 'name_it', type: 'varchar', length: 100 })
  nameIt: string;

  @Column({ name: 'name_en', type: 'varchar', length: 100 })
  nameEn: string;

  @Column({ type: 'int', default: 0 })
  position: number;
}
