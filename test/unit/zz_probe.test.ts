import { it, expect, vi } from 'vitest'
vi.mock('@contract/vocabulary', () => import('../../src-main/contract/vocabulary'))
import { buildElements } from '../../src-renderer/src/map/graph'
import { entityType } from '../../src-main/contract/vocabulary'
it('loads', () => { expect(typeof buildElements).toBe('function'); expect(buildElements({entities:[{id:1,name:'a',type:'Person',notes:'',mentionCount:0,createdAt:''}],relations:[],coMentions:[],showCoMentions:false})[0]!.data.color).toBe(entityType('Person').color) })
